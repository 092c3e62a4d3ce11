# expect: memory_exceeded
# Counts a bucket per pass, then gathers every bucket's counts into one
# dict to return at the end: that dict is every user.
from collections import Counter


def counts_by_hash_partition(source, passes):
    everything = {}
    for bucket in range(passes):
        counts = Counter(e["user_id"] for e in source.open() if hash((e["user_id"], 1)) % passes == bucket)
        everything.update(counts)
    return list(everything.items())
