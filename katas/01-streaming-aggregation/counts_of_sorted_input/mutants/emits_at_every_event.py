# expect: wrong_answer
# Streams running totals: yields the user's row each time one of their
# events counts. The last row of each user is right, but the rows before it
# are extra: more than one row per user.


def counts_of_sorted_input(events):
    user = None
    count = 0
    types = set()
    second = None
    ids_this_second = set()
    for e in events:
        if e["user_id"] != user:
            user, count, types = e["user_id"], 0, set()
            second, ids_this_second = None, set()
        if e["ts"] != second:
            second, ids_this_second = e["ts"], set()
        if e["event_id"] not in ids_this_second:
            ids_this_second.add(e["event_id"])
            count += 1
            types.add(e["event_type"])
            yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
