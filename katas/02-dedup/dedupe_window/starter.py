from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def dedupe_window(events: Iterator[Event], window_seconds: int) -> Iterator[Event]:
    """Drop retries of an event_id seen within window_seconds of event time, and records behind the watermark; lazily, in memory bounded by the window."""
    raise NotImplementedError("track the watermark and the ids it has not passed yet")
