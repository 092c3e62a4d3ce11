# expect: wrong_answer
# The sorted kata's state machine carried over the hours: one open session
# in the state, closed whenever the next event is another user's. The
# users are interleaved here, so every user change cuts a session.


def sessionize_chunk(state, chunk, last, gap_seconds):
    done = []
    for e in chunk:
        session = state.get("open")
        if session is not None and session["user_id"] == e["user_id"] and e["ts"] - session["end_ts"] <= gap_seconds:
            session["end_ts"] = e["ts"]
            session["event_count"] += 1
        else:
            if session is not None:
                done.append(session)
            state["open"] = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if last and state.get("open") is not None:
        done.append(state.pop("open"))
    return done
