# expect: wrong_answer
# Translates SQL's `COUNT(*) OVER (PARTITION BY user_id ORDER BY ts RANGE
# ...)`: the frame ends at the current row's peers, so every event at one
# second gets the count after all of that user's events at that second,
# even those that arrive after it.
from collections import deque


def sliding_counts(events, window_seconds):
    recent = {}
    second = []

    def flush():
        for e in second:
            times = recent.setdefault(e["user_id"], deque())
            while times and times[0] <= e["ts"] - window_seconds:
                times.popleft()
            times.append(e["ts"])
        for e in second:
            n = len(recent[e["user_id"]])
            yield {"event_id": e["event_id"], "user_id": e["user_id"], "ts": e["ts"], "n": n}

    for e in events:
        if second and e["ts"] != second[0]["ts"]:
            yield from flush()
            second = []
        second.append(e)
    yield from flush()
