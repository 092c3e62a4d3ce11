# expect: wrong_answer
# Sorts the whole stream by ts, then runs a single-user sessionizer on it:
# the state is not keyed by user, so events of different users that are
# close in time share one session.


def sessionize_unsorted(events, gap_seconds):
    sessions = []
    open_ = None
    for e in sorted(events, key=lambda e: e["ts"]):
        if open_ is not None and e["ts"] - open_["end_ts"] <= gap_seconds:
            open_["end_ts"] = e["ts"]
            open_["event_count"] += 1
        else:
            if open_ is not None:
                sessions.append(open_)
            open_ = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if open_ is not None:
        sessions.append(open_)
    return sessions
