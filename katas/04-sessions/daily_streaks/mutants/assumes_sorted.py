# expect: wrong_answer
# Walks the days in the order they become active, as if the input were
# sorted by time: a day that arrives after a later one resets the run
# instead of joining it. Right on an in-order stream.
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def daily_streaks(events, min_events):
    per_day = {}
    runs = {}  # user -> [best_len, best_first, run_len, run_first, last_day]
    for e in events:
        user, day = e["user_id"], e["ts"] // 86400
        ids = per_day.get((user, day), set())
        if ids is None:
            continue
        ids.add(e["event_id"])
        if len(ids) < min_events:
            per_day[(user, day)] = ids
            continue
        per_day[(user, day)] = None
        r = runs.get(user)
        if r is None:
            runs[user] = [1, day, 1, day, day]
            continue
        if day == r[4] + 1:
            r[2] += 1
        else:
            r[2], r[3] = 1, day
        r[4] = day
        if r[2] > r[0]:
            r[0], r[1] = r[2], r[3]
    return {u: {"days": r[0], "first_day": EPOCH + timedelta(days=r[1])} for u, r in runs.items()}
