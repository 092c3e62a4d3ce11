# expect: wrong_answer
# Skips event_ids it has seen: a count of deliveries, not of distinct
# events, is what was asked.
from collections import Counter


def count_events(events):
    seen = set()
    counts = Counter()
    for e in events:
        if e["event_id"] in seen:
            continue
        seen.add(e["event_id"])
        counts[(e["user_id"], e["event_type"])] += 1
    return counts
