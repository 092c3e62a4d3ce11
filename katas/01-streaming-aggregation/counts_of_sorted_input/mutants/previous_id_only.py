# expect: wrong_answer
# Takes a delivery for a retry only when it repeats the id just before it.
# Another event of the user at the same second can sit between a retry and
# its original, and then the retry counts again.


def counts_of_sorted_input(events):
    user = None
    count = 0
    types = set()
    last_id = None
    for e in events:
        if e["user_id"] != user:
            if user is not None:
                yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
            user, count, types, last_id = e["user_id"], 0, set(), None
        if e["event_id"] != last_id:
            count += 1
            types.add(e["event_type"])
        last_id = e["event_id"]
    if user is not None:
        yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
