# expect: wrong_answer
# Keeps the open sessions in a module-level dict and leaves `state` empty:
# the dict lives in the process, so it carries over between calls as long
# as every hour runs in the same process. After a restart it is empty,
# and every session that crossed the hour is lost.

OPEN = {}


def sessionize_chunk(state, chunk, last, gap_seconds):
    done = []
    for e in chunk:
        session = OPEN.get(e["user_id"])
        if session is not None and e["ts"] - session["end_ts"] <= gap_seconds:
            session["end_ts"] = e["ts"]
            session["event_count"] += 1
        else:
            if session is not None:
                done.append(session)
            OPEN[e["user_id"]] = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if last:
        done.extend(OPEN.values())
        OPEN.clear()
    return done
