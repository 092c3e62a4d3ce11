# expect: memory_exceeded
# Walks the runs in constant memory, then appends each user's row to a list
# and returns the list at the end: one row held per user after all.


def counts_of_sorted_input(events):
    rows = []
    user = None
    count = 0
    types = set()
    second = None
    ids_this_second = set()
    for e in events:
        if e["user_id"] != user:
            if user is not None:
                rows.append({"user_id": user, "events": count, "distinct_event_types": len(types)})
            user, count, types = e["user_id"], 0, set()
            second, ids_this_second = None, set()
        if e["ts"] != second:
            second, ids_this_second = e["ts"], set()
        if e["event_id"] not in ids_this_second:
            ids_this_second.add(e["event_id"])
            count += 1
            types.add(e["event_type"])
    if user is not None:
        rows.append({"user_id": user, "events": count, "distinct_event_types": len(types)})
    return rows
