# expect: memory_exceeded
# Counts every user on one pass: the right counts, and every user in
# memory at once.
from collections import Counter


def counts_by_hash_partition(source, passes):
    return iter(Counter(e["user_id"] for e in source.open()).items())
