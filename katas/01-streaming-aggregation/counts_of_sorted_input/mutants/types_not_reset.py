# expect: wrong_answer
# Starts the event count again at each user, but keeps adding to one set
# of types: a user's distinct types include the users' before them.


def counts_of_sorted_input(events):
    user = None
    count = 0
    types = set()
    second = None
    ids_this_second = set()
    for e in events:
        if e["user_id"] != user:
            if user is not None:
                yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
            user, count = e["user_id"], 0
            second, ids_this_second = None, set()
        if e["ts"] != second:
            second, ids_this_second = e["ts"], set()
        if e["event_id"] not in ids_this_second:
            ids_this_second.add(e["event_id"])
            count += 1
            types.add(e["event_type"])
    if user is not None:
        yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
