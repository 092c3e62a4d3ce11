# expect: wrong_answer
# Keeps the right n events but hands them out as the min-heap pops them:
# worst first, so the oldest of the n leads the list.
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
        if any(k.ts == new.ts and k.event_id == new.event_id for k in heap):
            continue
        heapq.heappush(heap, new)
        if len(heap) > n:
            heapq.heappop(heap)
    out = {}
    for user, heap in kept.items():
        out[user] = [heapq.heappop(heap).event_id for _ in range(len(heap))]
    return out
