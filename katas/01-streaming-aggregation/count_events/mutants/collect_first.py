# expect: memory_exceeded
# The naive answer: list(events) first, then count. Right on five rows;
# holds the whole stream in memory.
from collections import Counter


def count_events(events):
    everything = list(events)
    counts = Counter()
    for e in everything:
        counts[(e["user_id"], e["event_type"])] += 1
    return counts
