# expect: wrong_answer
# Sorts each group by (ingested_at, has a writer) and takes the last: the
# sort is stable, so on a full tie the last arrival wins, where the rule
# keeps the first.
from itertools import groupby


def dedupe_grouped(events):
    for _, group in groupby(events, key=lambda e: e["event_id"]):
        ranked = sorted(group, key=lambda e: (e["ingested_at"], e["updated_by"] is not None))
        yield ranked[-1]
