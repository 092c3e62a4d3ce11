# expect: wrong_answer
# Ranks by ingested_at, when the pipeline saw the event, instead of ts,
# when it happened.
import heapq


class Kept:
    __slots__ = ("at", "event_id")

    def __init__(self, at, event_id):
        self.at = at
        self.event_id = event_id

    def __lt__(self, other):
        if self.at != other.at:
            return self.at < other.at
        return self.event_id > other.event_id


def top_n_per_key(events, n):
    kept = {}
    for e in events:
        heap = kept.setdefault(e["user_id"], [])
        if any(k.event_id == e["event_id"] for k in heap):
            continue
        new = Kept(e["ingested_at"], e["event_id"])
        if len(heap) >= n and not heap[0] < new:
            continue
        heapq.heappush(heap, new)
        if len(heap) > n:
            heapq.heappop(heap)
    return {user: [k.event_id for k in sorted(heap, reverse=True)] for user, heap in kept.items()}
