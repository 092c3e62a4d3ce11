# expect: memory_exceeded
# Right algorithm, wrong memory: list(events) before summarising holds the
# whole stream.


def heavy_hitters(events, k):
    everything = list(events)
    counters = {}
    for e in everything:
        user = e["user_id"]
        if user in counters:
            counters[user] += 1
        elif len(counters) < k:
            counters[user] = 1
        else:
            counters = {u: c - 1 for u, c in counters.items() if c > 1}
    return counters
