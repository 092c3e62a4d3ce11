# expect: wrong_answer
# Counts each user's distinct event ids: a retry does not count again.
from collections import defaultdict


def counts_by_hash_partition(source, passes):
    for bucket in range(passes):
        ids = defaultdict(set)
        for e in source.open():
            if hash((e["user_id"], 1)) % passes == bucket:
                ids[e["user_id"]].add(e["event_id"])
        yield from ((user, len(seen)) for user, seen in ids.items())
        del ids
