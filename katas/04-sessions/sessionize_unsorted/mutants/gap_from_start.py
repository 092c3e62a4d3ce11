# expect: wrong_answer
# Groups and sorts correctly, then measures the gap from the session's
# start instead of from the previous event: long sessions are cut.
from collections import defaultdict


def sessionize_unsorted(events, gap_seconds):
    times_by_user = defaultdict(list)
    for e in events:
        times_by_user[e["user_id"]].append(e["ts"])
    sessions = []
    for user, times in times_by_user.items():
        times.sort()
        open_ = {"user_id": user, "start_ts": times[0], "end_ts": times[0], "event_count": 0}
        for ts in times:
            if ts - open_["start_ts"] > gap_seconds:
                sessions.append(open_)
                open_ = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 0}
            open_["end_ts"] = ts
            open_["event_count"] += 1
        sessions.append(open_)
    return sessions
