# expect: wrong_answer
# Counts with itertools.groupby, which only groups neighbours: when a key
# comes back after another key, its new run overwrites the old count. Right
# on input sorted by key; the stream arrives in any order.
from itertools import groupby


def count_events(events):
    counts = {}
    for key, run in groupby(events, key=lambda e: (e["user_id"], e["event_type"])):
        counts[key] = sum(1 for _ in run)
    return counts
