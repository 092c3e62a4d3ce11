# expect: wrong_answer
# Writes the continuation test as a chained comparison,
# `0 < ts - previous <= gap_seconds`, to "guard against bad order": two
# events with the same ts are a gap of 0 and now split the session.


def sessionize(events, gap_seconds):
    open_ = None
    for e in events:
        if open_ is not None and open_["user_id"] == e["user_id"] and 0 < e["ts"] - open_["end_ts"] <= gap_seconds:
            open_["end_ts"] = e["ts"]
            open_["event_count"] += 1
        else:
            if open_ is not None:
                yield open_
            open_ = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if open_ is not None:
        yield open_
