# expect: wrong_answer
# Keeps the 3 of the default call instead of its `n` parameter: right until
# someone asks for the top 10.
import heapq


class Kept:
    __slots__ = ("ts", "event_id")

    def __init__(self, ts, event_id):
        self.ts = ts
        self.event_id = event_id

    def __lt__(self, other):
        if self.ts != other.ts:
            return self.ts < other.ts
        return self.event_id > other.event_id


def top_n_per_key(events, n):
    n = 3
    kept = {}
    for e in events:
        heap = kept.setdefault(e["user_id"], [])
        new = Kept(e["ts"], e["event_id"])
        if len(heap) >= n and not heap[0] < new:
            continue
        if any(k.ts == new.ts and k.event_id == new.event_id for k in heap):
            continue
        heapq.heappush(heap, new)
        if len(heap) > n:
            heapq.heappop(heap)
    return {user: [k.event_id for k in sorted(heap, reverse=True)] for user, heap in kept.items()}
