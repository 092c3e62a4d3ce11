from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def count_events(events: Iterator[Event]) -> Mapping[tuple[int, str], int]:
    """One pass, one counter entry per key: memory is O(distinct keys)."""
    counts: Counter[tuple[int, str]] = Counter()
    for e in events:
        counts[(e["user_id"], e["event_type"])] += 1
    return counts
