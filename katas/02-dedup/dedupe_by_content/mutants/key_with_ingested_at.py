# expect: wrong_answer
# Keys a delivery by its content and its ingested_at: a retry ingested
# later than its original looks like a new event, and comes out again.
from collections import deque


def dedupe_by_content(events, window_seconds):
    clock = None
    seen = set()
    by_arrival = deque()
    for e in events:
        if clock is None or e["ingested_at"] > clock:
            clock = e["ingested_at"]
        while by_arrival and by_arrival[0][0] < clock - window_seconds:
            seen.discard(by_arrival.popleft()[1])
        key = (e["user_id"], e["event_type"], e["ts"], e["ingested_at"])
        if key in seen:
            continue
        seen.add(key)
        by_arrival.append((clock, key))
        yield e
