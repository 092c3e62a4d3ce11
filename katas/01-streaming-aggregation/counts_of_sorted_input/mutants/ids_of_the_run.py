# expect: memory_exceeded
# Remembers every event_id of the user's run to recognise retries: right,
# but a user with most of the stream makes the set as long as the stream.


def counts_of_sorted_input(events):
    user = None
    types = set()
    ids = set()
    for e in events:
        if e["user_id"] != user:
            if user is not None:
                yield {"user_id": user, "events": len(ids), "distinct_event_types": len(types)}
            user, types, ids = e["user_id"], set(), set()
        if e["event_id"] not in ids:
            ids.add(e["event_id"])
            types.add(e["event_type"])
    if user is not None:
        yield {"user_id": user, "events": len(ids), "distinct_event_types": len(types)}
