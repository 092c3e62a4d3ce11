# expect: memory_exceeded
# The exact answer: a set of every user_id. Right on every stream, and
# memory per distinct user, which is what the sketch is there to avoid.


def distinct_users(events, p):
    return len({e["user_id"] for e in events})
