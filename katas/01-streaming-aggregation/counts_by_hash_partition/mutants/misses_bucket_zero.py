# expect: wrong_answer
# Numbers its passes from one: the users of bucket 0 are never counted.
from collections import Counter


def counts_by_hash_partition(source, passes):
    for bucket in range(1, passes + 1):
        counts = Counter(e["user_id"] for e in source.open() if hash((e["user_id"], 1)) % passes == bucket)
        yield from counts.items()
        del counts
