# expect: wrong_answer
# Keys the heap by (ts, event_id): equal times come out by id, not by
# partition.
import heapq


def merge_sorted_streams(streams):
    heap = []
    for i, stream in enumerate(streams):
        head = next(stream, None)
        if head is not None:
            heap.append((head["ts"], head["event_id"], i, head))
    heapq.heapify(heap)
    while heap:
        _, _, i, event = heapq.heappop(heap)
        following = next(streams[i], None)
        if following is not None:
            heapq.heappush(heap, (following["ts"], following["event_id"], i, following))
        yield event
