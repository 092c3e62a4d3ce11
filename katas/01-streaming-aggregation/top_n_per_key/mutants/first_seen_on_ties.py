# expect: wrong_answer
# Breaks ties on ts by arrival: of two events at the same second, the one
# that arrived first ranks higher. In an ordered stream that is the smaller
# event_id; out of order it is not.
import heapq


def top_n_per_key(events, n):
    kept = {}
    for seq, e in enumerate(events):
        heap = kept.setdefault(e["user_id"], [])
        # heapq keeps the smallest on top: the oldest, then the latest arrival.
        new = (e["ts"], -seq, e["event_id"])
        if len(heap) >= n and not heap[0] < new:
            continue
        if any(k[2] == new[2] for k in heap):
            continue
        heapq.heappush(heap, new)
        if len(heap) > n:
            heapq.heappop(heap)
    return {user: [k[2] for k in sorted(heap, reverse=True)] for user, heap in kept.items()}
