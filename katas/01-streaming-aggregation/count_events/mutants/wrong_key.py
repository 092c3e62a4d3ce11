# expect: wrong_answer
# Counts per user only: the event type is dropped from the key.
from collections import Counter


def count_events(events):
    counts = Counter()
    for e in events:
        counts[(e["user_id"], "any")] += 1
    return counts
