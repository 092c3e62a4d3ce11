# expect: wrong_answer
# Chains the partitions one after another: each part sorted, the whole not.
import itertools


def merge_sorted_streams(streams):
    return itertools.chain(*streams)
