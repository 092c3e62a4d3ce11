# expect: memory_exceeded
# Right answer, wrong memory: every event of every user kept until the end,
# then sorted and cut to n. O(events), not O(users x n).
from collections import defaultdict


def top_n_per_key(events, n):
    everything = defaultdict(set)
    for e in events:
        everything[e["user_id"]].add((-e["ts"], e["event_id"]))
    return {user: [event_id for _, event_id in sorted(ranks)[:n]] for user, ranks in everything.items()}
