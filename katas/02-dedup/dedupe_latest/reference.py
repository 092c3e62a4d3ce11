from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def better(new: Event, old: Event) -> bool:
    """Does `new` replace `old` under the kata's rule?"""
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    # Equal ingested_at: a writer (any str, "null" included) beats None.
    # A full tie keeps the old event: the first seen.
    return new["updated_by"] is not None and old["updated_by"] is None


def dedupe_latest(events: Iterator[Event]) -> Iterator[Event]:
    """O(distinct event_ids) memory: the best delivery so far per id."""
    best: dict[str, Event] = {}
    for e in events:
        old = best.get(e["event_id"])
        if old is None or better(e, old):
            best[e["event_id"]] = e
    return iter(best.values())
