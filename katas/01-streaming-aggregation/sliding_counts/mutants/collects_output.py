# expect: memory_exceeded
# The right deques, but the rows go into a list that is returned at the
# end: one row per input event, all in memory at once.
from collections import deque


def sliding_counts(events, window_seconds):
    recent = {}
    rows = []
    for e in events:
        ts = e["ts"]
        times = recent.setdefault(e["user_id"], deque())
        while times and times[0] <= ts - window_seconds:
            times.popleft()
        times.append(ts)
        rows.append({"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times)})
    return rows
