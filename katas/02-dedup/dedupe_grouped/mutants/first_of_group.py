# expect: wrong_answer
# Yields the first delivery of each group: constant memory, wrong row.
from itertools import groupby


def dedupe_grouped(events):
    for _, group in groupby(events, key=lambda e: e["event_id"]):
        yield next(group)
