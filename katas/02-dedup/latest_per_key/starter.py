from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def latest_per_key(events: Iterator[Event]) -> list[Event]:
    """The latest event (by ts, then ingested_at, then first seen) per (user_id, event_type)."""
    raise NotImplementedError("keep one event per (user_id, event_type)")
