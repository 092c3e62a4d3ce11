# expect: memory_exceeded
# Keeps every time of every user in a sorted list and counts the window
# with bisect: right, and it never lets go of a time.
from bisect import bisect_right


def sliding_counts(events, window_seconds):
    history = {}
    for e in events:
        ts = e["ts"]
        times = history.setdefault(e["user_id"], [])
        times.append(ts)
        outside = bisect_right(times, ts - window_seconds)
        yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": ts, "n": len(times) - outside}
