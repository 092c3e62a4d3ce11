# expect: panicked
# Decrements in place and deletes the zeros inside the same loop over the
# dict: Python raises "dictionary changed size during iteration" on the
# first counter that reaches 0.


def heavy_hitters(events, k):
    counters = {}
    for e in events:
        user = e["user_id"]
        if user in counters:
            counters[user] += 1
        elif len(counters) < k:
            counters[user] = 1
        else:
            for u in counters:
                counters[u] -= 1
                if counters[u] == 0:
                    del counters[u]
    return counters
