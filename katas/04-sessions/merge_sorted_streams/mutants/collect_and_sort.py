# expect: memory_exceeded
# Reads every partition into one list and sorts it stably by time: the
# right order, ties included, and every event in memory.


def merge_sorted_streams(streams):
    everything = [e for stream in streams for e in stream]
    everything.sort(key=lambda e: e["ts"])
    return iter(everything)
