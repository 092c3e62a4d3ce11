# expect: panicked
# Always makes eight passes, whatever the budget says.
from collections import Counter


def counts_by_hash_partition(source, passes):
    for bucket in range(8):
        counts = Counter(e["user_id"] for e in source.open() if hash((e["user_id"], 1)) % 8 == bucket)
        yield from counts.items()
        del counts
