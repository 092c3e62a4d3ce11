# expect: wrong_answer
# Dedupes by event_id, as if the producer kept its ids: a retry under a
# fresh id comes out again, and so does each real event of a second that
# another of the same content already took.
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
        key = e["event_id"]
        if key in seen:
            continue
        seen.add(key)
        by_arrival.append((clock, key))
        yield e
