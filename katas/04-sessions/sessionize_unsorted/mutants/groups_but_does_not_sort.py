# expect: wrong_answer
# Groups by user but keeps arrival order within the user: right while the
# input is in time order, wrong once it is not.
from collections import defaultdict


def sessionize_unsorted(events, gap_seconds):
    times_by_user = defaultdict(list)
    for e in events:
        times_by_user[e["user_id"]].append(e["ts"])
    sessions = []
    for user, times in times_by_user.items():
        open_ = {"user_id": user, "start_ts": times[0], "end_ts": times[0], "event_count": 0}
        for ts in times:
            if abs(ts - open_["end_ts"]) > gap_seconds:
                sessions.append(open_)
                open_ = {"user_id": user, "start_ts": ts, "end_ts": ts, "event_count": 0}
            open_["start_ts"] = min(open_["start_ts"], ts)
            open_["end_ts"] = max(open_["end_ts"], ts)
            open_["event_count"] += 1
        sessions.append(open_)
    return sessions
