# expect: memory_exceeded
# Keeps an exact Counter per user "to double-check" beside a correct
# summary: the answer is right, the memory is per distinct user.
from collections import Counter


def heavy_hitters(events, k):
    exact = Counter()
    counters = {}
    for e in events:
        user = e["user_id"]
        exact[user] += 1
        if user in counters:
            counters[user] += 1
        elif len(counters) < k:
            counters[user] = 1
        else:
            counters = {u: c - 1 for u, c in counters.items() if c > 1}
    return counters
