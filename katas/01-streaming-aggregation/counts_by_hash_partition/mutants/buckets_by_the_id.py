# expect: memory_exceeded
# Buckets by Python's hash of the id: an int's hash is the int itself, so
# when every id is a multiple of the number of passes, every user lands in
# bucket 0.
from collections import Counter


def counts_by_hash_partition(source, passes):
    for bucket in range(passes):
        counts = Counter(e["user_id"] for e in source.open() if hash(e["user_id"]) % passes == bucket)
        yield from counts.items()
        del counts
