# expect: wrong_answer
# Reads "sorted" as sorted all the way down: counts the places where the
# type changes from one event to the next, as if each type came in one
# run. The run is sorted by ts, not by type, so a type comes back.


def counts_of_sorted_input(events):
    user = None
    count = 0
    type_runs = 0
    last_type = None
    second = None
    ids_this_second = set()
    for e in events:
        if e["user_id"] != user:
            if user is not None:
                yield {"user_id": user, "events": count, "distinct_event_types": type_runs}
            user, count, type_runs, last_type = e["user_id"], 0, 0, None
            second, ids_this_second = None, set()
        if e["ts"] != second:
            second, ids_this_second = e["ts"], set()
        if e["event_id"] not in ids_this_second:
            ids_this_second.add(e["event_id"])
            count += 1
            if e["event_type"] != last_type:
                type_runs += 1
                last_type = e["event_type"]
    if user is not None:
        yield {"user_id": user, "events": count, "distinct_event_types": type_runs}
