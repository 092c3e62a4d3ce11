from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event, Table


def upsert_events(events: Iterator[Event], start: date, end: date, out: Table[Event]) -> None:
    """Merges every event processed in [start, end) into the partition of its
    event day: one row per event_id, the best delivery; every other row stays."""
    raise NotImplementedError("pick the best delivery per event_id, then merge each event day's partition")
