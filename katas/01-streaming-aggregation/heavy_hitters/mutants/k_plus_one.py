# expect: wrong_answer
# Off by one at the capacity check: `<= k` lets a (k+1)-th counter in, so
# the summary decrements later than Misra-Gries does and its counters come
# out different.


def heavy_hitters(events, k):
    counters = {}
    for e in events:
        user = e["user_id"]
        if user in counters:
            counters[user] += 1
        elif len(counters) <= k:
            counters[user] = 1
        else:
            counters = {u: c - 1 for u, c in counters.items() if c > 1}
    return counters
