# expect: panicked
# Takes every partition's first event with next(stream): a partition with
# no events raises StopIteration inside the generator.
import heapq


def merge_sorted_streams(streams):
    heap = []
    for i, stream in enumerate(streams):
        head = next(stream)
        heap.append((head["ts"], i, head))
    heapq.heapify(heap)
    while heap:
        _, i, event = heapq.heappop(heap)
        following = next(streams[i], None)
        if following is not None:
            heapq.heappush(heap, (following["ts"], i, following))
        yield event
