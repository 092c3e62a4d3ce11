# expect: wrong_answer
# Groups and sorts correctly, then writes the continuation test as
# `0 < ts - previous <= gap_seconds`: two events of a user with the same
# ts are a gap of 0 and now split the session.
from collections import defaultdict


def sessionize_unsorted(events, gap_seconds):
    times_by_user = defaultdict(list)
    for e in events:
        times_by_user[e["user_id"]].append(e["ts"])
    sessions = []
    for user, times in times_by_user.items():
        times.sort()
        open_ = {"user_id": user, "start_ts": times[0], "end_ts": times[0], "event_count": 1}
        for ts in times[1:]:
            if 0 < ts - open_["end_ts"] <= gap_seconds:
                open_["end_ts"] = ts
                open_["event_count"] += 1
            else:
                sessions.append(open_)
                open_ = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 1}
        sessions.append(open_)
    return sessions
