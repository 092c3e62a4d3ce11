# expect: wrong_answer
# Counts every delivery: a retry of an event adds to `events` again.


def counts_of_sorted_input(events):
    user = None
    count = 0
    types = set()
    for e in events:
        if e["user_id"] != user:
            if user is not None:
                yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
            user, count, types = e["user_id"], 0, set()
        count += 1
        types.add(e["event_type"])
    if user is not None:
        yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
