# expect: wrong_answer
# Tries to save real events of the same second: "a retry is never ingested
# before its original, so a copy ingested earlier than the first delivery
# must be another event". It comes out, though the content is the same.
from collections import deque


def dedupe_by_content(events, window_seconds):
    clock = None
    seen = {}  # key -> the first delivery's ingested_at
    by_arrival = deque()
    for e in events:
        if clock is None or e["ingested_at"] > clock:
            clock = e["ingested_at"]
        while by_arrival and by_arrival[0][0] < clock - window_seconds:
            seen.pop(by_arrival.popleft()[1], None)
        key = (e["user_id"], e["event_type"], e["ts"])
        if key in seen:
            if e["ingested_at"] < seen[key]:
                yield e
            continue
        seen[key] = e["ingested_at"]
        by_arrival.append((clock, key))
        yield e
