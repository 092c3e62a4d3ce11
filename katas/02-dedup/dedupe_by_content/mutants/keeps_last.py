# expect: wrong_answer
# Holds each key's newest delivery until the window lets the key go, then
# yields that one: the last copy by arrival, with the retry's id, ingestion
# time and writer, where the rule keeps the first.
from collections import deque


def dedupe_by_content(events, window_seconds):
    clock = None
    latest = {}
    by_arrival = deque()
    for e in events:
        if clock is None or e["ingested_at"] > clock:
            clock = e["ingested_at"]
        while by_arrival and by_arrival[0][0] < clock - window_seconds:
            yield latest.pop(by_arrival.popleft()[1])
        key = (e["user_id"], e["event_type"], e["ts"])
        if key not in latest:
            by_arrival.append((clock, key))
        latest[key] = e
    for _, key in by_arrival:
        yield latest[key]
