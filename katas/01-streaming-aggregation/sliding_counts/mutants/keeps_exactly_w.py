# expect: wrong_answer
# Evicts a time only when it is more than `window_seconds` old: an event
# exactly the window earlier is still counted.
from collections import deque


def sliding_counts(events, window_seconds):
    recent = {}
    for e in events:
        ts = e["ts"]
        times = recent.setdefault(e["user_id"], deque())
        while times and times[0] < ts - window_seconds:
            times.popleft()
        times.append(ts)
        yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times)}
