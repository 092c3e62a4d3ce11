from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def dedupe_by_content(events: Iterator[Event], window_seconds: int) -> Iterator[Event]:
    """Drop every delivery whose (user_id, event_type, ts) came before, whatever its event_id; lazily, remembering only the last window_seconds of ingestion time."""
    raise NotImplementedError("key each delivery by its content, and forget keys the greatest ingested_at has left behind")
