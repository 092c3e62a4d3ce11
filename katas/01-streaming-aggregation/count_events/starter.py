from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def count_events(events: Iterator[Event]) -> Mapping[tuple[int, str], int]:
    """Counts the events of each (user_id, event_type), reading the stream once."""
    raise NotImplementedError("count each (user_id, event_type) without collecting the stream")
