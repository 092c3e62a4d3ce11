# expect: memory_exceeded
# Merges lazily, then gathers the merge into a list and returns it: the
# first event waits for the last.
import heapq


def merge_sorted_streams(streams):
    return list(heapq.merge(*streams, key=lambda e: e["ts"]))
