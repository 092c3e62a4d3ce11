# expect: wrong_answer
# Sizes the summary by the number from the prompt's example, 16, instead of
# its `k` parameter: right until the product asks for another k.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def heavy_hitters(events: Iterator[Event], k: int) -> Mapping[int, int]:
    """Misra-Gries: O(k) memory, O(k) work per event in the worst case."""
    counters: dict[int, int] = {}
    for e in events:
        user = e["user_id"]
        if user in counters:
            counters[user] += 1
        elif len(counters) < 16:
            counters[user] = 1
        else:
            # Decrement every counter and drop the zeros, in a new dict (a
            # dict cannot lose keys while it is iterated). The event's user
            # gets no counter, even if a slot just became free.
            counters = {u: c - 1 for u, c in counters.items() if c > 1}
    return counters
