# expect: wrong_answer
# Decrements with Counter.subtract, which keeps counters at 0 and below:
# no slot is ever freed, new users never get in once the summary is full,
# and the answer holds zero and negative counters.
from collections import Counter


def heavy_hitters(events, k):
    counters = Counter()
    for e in events:
        user = e["user_id"]
        if user in counters:
            counters[user] += 1
        elif len(counters) < k:
            counters[user] = 1
        else:
            counters.subtract(list(counters))
    return counters
