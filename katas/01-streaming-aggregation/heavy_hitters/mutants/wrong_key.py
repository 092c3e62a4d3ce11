# expect: wrong_answer
# Keeps the summary over (user_id, event_type) pairs, the key count_events
# used, and adds the pairs up per user at the end: the counters compete
# per pair, so the decrements fall differently.


def heavy_hitters(events, k):
    counters = {}
    for e in events:
        key = (e["user_id"], e["event_type"])
        if key in counters:
            counters[key] += 1
        elif len(counters) < k:
            counters[key] = 1
        else:
            counters = {p: c - 1 for p, c in counters.items() if c > 1}
    per_user = {}
    for (user, _), c in counters.items():
        per_user[user] = per_user.get(user, 0) + c
    return per_user
