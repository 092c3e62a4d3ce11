# expect: wrong_answer
# A bounded heap with no thought for retries: a redelivered event takes a
# second place in its user's list.
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
    kept = {}
    for e in events:
        heap = kept.setdefault(e["user_id"], [])
        new = Kept(e["ts"], e["event_id"])
        if len(heap) >= n and not heap[0] < new:
            continue
        heapq.heappush(heap, new)
        if len(heap) > n:
            heapq.heappop(heap)
    return {user: [k.event_id for k in sorted(heap, reverse=True)] for user, heap in kept.items()}
