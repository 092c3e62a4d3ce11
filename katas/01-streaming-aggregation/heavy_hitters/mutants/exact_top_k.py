# expect: wrong_answer
# The answer to another question: exact counts with a Counter, then the k
# most common. Equal to the summary while there are at most k users; past
# that, the summary's counters undercount and this does not (and it holds
# a counter per user).
from collections import Counter


def heavy_hitters(events, k):
    return dict(Counter(e["user_id"] for e in events).most_common(k))
