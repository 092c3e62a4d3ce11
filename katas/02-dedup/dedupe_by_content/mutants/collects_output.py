# expect: memory_exceeded
# The right filter with the right window, but it returns a list of what
# it keeps: the output of the whole stream in memory at once.
from collections import deque


def dedupe_by_content(events, window_seconds):
    clock = None
    seen = set()
    by_arrival = deque()
    kept = []
    for e in events:
        if clock is None or e["ingested_at"] > clock:
            clock = e["ingested_at"]
        while by_arrival and by_arrival[0][0] < clock - window_seconds:
            seen.discard(by_arrival.popleft()[1])
        key = (e["user_id"], e["event_type"], e["ts"])
        if key in seen:
            continue
        seen.add(key)
        by_arrival.append((clock, key))
        kept.append(e)
    return kept
