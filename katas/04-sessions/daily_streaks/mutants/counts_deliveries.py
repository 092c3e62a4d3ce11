# expect: wrong_answer
# Counts deliveries per day instead of distinct event ids: a retry makes a
# day with a single event reach `min_events`.
from collections import Counter, defaultdict
from datetime import date, timedelta

EPOCH = date(1970, 1, 1)


def daily_streaks(events, min_events):
    per_day = Counter((e["user_id"], e["ts"] // 86400) for e in events)
    active = defaultdict(list)
    for (user, day), n in per_day.items():
        if n >= min_events:
            active[user].append(day)
    out = {}
    for user, days in active.items():
        days.sort()
        best_len, best_first = 0, days[0]
        run_len, run_first = 0, days[0]
        prev = None
        for day in days:
            if prev is not None and day == prev + 1:
                run_len += 1
            else:
                run_len, run_first = 1, day
            if run_len > best_len:
                best_len, best_first = run_len, run_first
            prev = day
        out[user] = {"days": best_len, "first_day": EPOCH + timedelta(days=best_first)}
    return out
