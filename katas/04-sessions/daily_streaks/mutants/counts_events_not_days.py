# expect: wrong_answer
# Gaps and islands with COUNT(*) where COUNT(DISTINCT day) belongs: the
# active days are right, but a run's length is the number of events on its
# days, so a busy short run beats a quiet long one.
from collections import defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def daily_streaks(events, min_events):
    per_day = defaultdict(set)
    for e in events:
        per_day[(e["user_id"], e["ts"] // 86400)].add(e["event_id"])
    active = defaultdict(list)
    for (user, day), ids in per_day.items():
        if len(ids) >= min_events:
            active[user].append((day, len(ids)))
    out = {}
    for user, days in active.items():
        days.sort()
        best_len, best_first = 0, days[0][0]
        run_len, run_first = 0, days[0][0]
        prev = None
        for day, n in days:
            if prev is not None and day == prev + 1:
                run_len += n
            else:
                run_len, run_first = n, day
            if run_len > best_len:
                best_len, best_first = run_len, run_first
            prev = day
        out[user] = {"days": best_len, "first_day": EPOCH + timedelta(days=best_first)}
    return out
