# expect: wrong_answer
# Counts right, but hands the rows out one second at a time, grouped by
# user: within a second a user's rows come out together, not in the order
# the events arrived.
from collections import deque


def sliding_counts(events, window_seconds):
    recent = {}
    by_user = {}
    second_ts = None
    for e in events:
        ts = e["ts"]
        if ts != second_ts:
            for rows in by_user.values():
                yield from rows
            by_user = {}
            second_ts = ts
        times = recent.setdefault(e["user_id"], deque())
        while times and times[0] <= ts - window_seconds:
            times.popleft()
        times.append(ts)
        row = {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times)}
        by_user.setdefault(e["user_id"], []).append(row)
    for rows in by_user.values():
        yield from rows
