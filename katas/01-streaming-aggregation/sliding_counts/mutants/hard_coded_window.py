# expect: wrong_answer
# Evicts against the example's 60 seconds instead of its `window_seconds`
# parameter: right until the window changes.
from collections import deque


def sliding_counts(events, window_seconds):
    recent = {}
    for e in events:
        ts = e["ts"]
        times = recent.setdefault(e["user_id"], deque())
        while times and times[0] <= ts - 60:
            times.popleft()
        times.append(ts)
        yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times)}
