# expect: wrong_answer
# Forgets keys an hour behind, the window of the default call, instead
# of its window_seconds parameter.
from collections import deque


def dedupe_by_content(events, window_seconds):
    clock = None
    seen = set()
    by_arrival = deque()
    for e in events:
        if clock is None or e["ingested_at"] > clock:
            clock = e["ingested_at"]
        while by_arrival and by_arrival[0][0] < clock - 3600:
            seen.discard(by_arrival.popleft()[1])
        key = (e["user_id"], e["event_type"], e["ts"])
        if key in seen:
            continue
        seen.add(key)
        by_arrival.append((clock, key))
        yield e
