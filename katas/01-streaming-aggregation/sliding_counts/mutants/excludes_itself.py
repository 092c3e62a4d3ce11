# expect: wrong_answer
# Reads the count before appending the event: n is the number of earlier
# events in the window, one short of the rule, which counts this one too.
from collections import deque


def sliding_counts(events, window_seconds):
    recent = {}
    for e in events:
        ts = e["ts"]
        times = recent.setdefault(e["user_id"], deque())
        while times and times[0] <= ts - window_seconds:
            times.popleft()
        n = len(times)
        times.append(ts)
        yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": n}
