# expect: wrong_answer
# Space-Saving instead of Misra-Gries: when the summary is full, the new
# user takes over the smallest counter and adds 1 to it, and nothing is
# decremented. Counters then overcount instead of undercount.


def heavy_hitters(events, k):
    counters = {}
    for e in events:
        user = e["user_id"]
        if user in counters:
            counters[user] += 1
        elif len(counters) < k:
            counters[user] = 1
        else:
            victim = min(counters, key=lambda u: (counters[u], u))
            low = counters.pop(victim)
            counters[user] = low + 1
    return counters
