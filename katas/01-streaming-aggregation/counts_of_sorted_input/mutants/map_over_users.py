# expect: memory_exceeded
# The unsorted answer: a dict from every user to their run, yielded at the
# end in user order. Right, but it holds every user, which the sorted
# input makes unnecessary.


def counts_of_sorted_input(events):
    runs = {}  # user -> [count, types, second, ids of that second]
    for e in events:
        run = runs.get(e["user_id"])
        if run is None:
            run = runs[e["user_id"]] = [0, set(), None, set()]
        if e["ts"] != run[2]:
            run[2], run[3] = e["ts"], set()
        if e["event_id"] not in run[3]:
            run[3].add(e["event_id"])
            run[0] += 1
            run[1].add(e["event_type"])
    for user in sorted(runs):
        count, types, _, _ = runs[user]
        yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
