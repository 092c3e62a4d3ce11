# expect: wrong_answer
# Yields a session only when the next one starts: when the input ends, the
# session still open is never returned.


def sessionize(events, gap_seconds):
    open_ = None
    for e in events:
        if open_ is not None and open_["user_id"] == e["user_id"] and e["ts"] - open_["end_ts"] <= gap_seconds:
            open_["end_ts"] = e["ts"]
            open_["event_count"] += 1
        else:
            if open_ is not None:
                yield open_
            open_ = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
