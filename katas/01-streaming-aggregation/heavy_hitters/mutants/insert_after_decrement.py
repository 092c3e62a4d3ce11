# expect: wrong_answer
# After the decrement frees a slot, gives the new user a counter too: a
# mix-up with Space-Saving that breaks the Misra-Gries bound.


def heavy_hitters(events, k):
    counters = {}
    for e in events:
        user = e["user_id"]
        if user in counters:
            counters[user] += 1
        elif len(counters) < k:
            counters[user] = 1
        else:
            counters = {u: c - 1 for u, c in counters.items() if c > 1}
            if len(counters) < k:
                counters[user] = 1
    return counters
