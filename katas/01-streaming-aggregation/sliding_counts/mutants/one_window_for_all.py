# expect: wrong_answer
# One deque for the whole stream: n counts every user's events in the
# window, not this user's.
from collections import deque


def sliding_counts(events, window_seconds):
    times = deque()
    for e in events:
        ts = e["ts"]
        while times and times[0] <= ts - window_seconds:
            times.popleft()
        times.append(ts)
        yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times)}
