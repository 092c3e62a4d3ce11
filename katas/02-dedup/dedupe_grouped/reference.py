from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def better(new: Event, old: Event) -> bool:
    """Does `new` replace `old`? Greatest ingested_at, then a writer over None; a full tie keeps `old`."""
    if new["ingested_at"] != old["ingested_at"]:
        return new["ingested_at"] > old["ingested_at"]
    return new["updated_by"] is not None and old["updated_by"] is None


def dedupe_grouped(events: Iterator[Event]) -> Iterator[Event]:
    """A streaming group-by: holds one event, yields it when its group ends."""
    # groupby reads the groups of adjacent equal ids one at a time; it never
    # looks further than the first event of the next group.
    for _, group in groupby(events, key=itemgetter("event_id")):
        best = next(group)
        for e in group:
            if better(e, best):
                best = e
        yield best
