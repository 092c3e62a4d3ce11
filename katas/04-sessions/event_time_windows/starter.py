from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def event_time_windows(events: Iterator[Event], window_seconds: int, allowed_lateness: int) -> Iterator[dict]:
    """Tumbling event-time windows with a watermark: drop late events, yield
    {"window_start": int, "user_id": int, "count": int} for each window and
    user once the watermark passes the window's end."""
    raise NotImplementedError("hold the open windows; close them as the watermark passes their end")
