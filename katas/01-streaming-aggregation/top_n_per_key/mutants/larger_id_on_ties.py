# expect: wrong_answer
# Ranks by the tuple (ts, event_id) as it stands: on equal ts the greater
# event_id wins, where the rule keeps the smaller.
import heapq


def top_n_per_key(events, n):
    kept = {}
    for e in events:
        heap = kept.setdefault(e["user_id"], [])
        new = (e["ts"], e["event_id"])
        if len(heap) >= n and not heap[0] < new:
            continue
        if new in heap:
            continue
        heapq.heappush(heap, new)
        if len(heap) > n:
            heapq.heappop(heap)
    return {user: [event_id for _, event_id in sorted(heap, reverse=True)] for user, heap in kept.items()}
