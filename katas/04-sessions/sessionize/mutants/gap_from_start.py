# expect: wrong_answer
# Measures the gap from the session's start instead of from the previous
# event: a long, busy session is cut every gap_seconds.


def sessionize(events, gap_seconds):
    open_ = None
    for e in events:
        if open_ is not None and open_["user_id"] == e["user_id"] and e["ts"] - open_["start_ts"] <= gap_seconds:
            open_["end_ts"] = e["ts"]
            open_["event_count"] += 1
        else:
            if open_ is not None:
                yield open_
            open_ = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if open_ is not None:
        yield open_
