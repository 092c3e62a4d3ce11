from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def sliding_counts(events: Iterator[Event], window_seconds: int) -> Iterator[dict]:
    """For each event, in input order, yield {"event_id": str, "user_id": int,
    "ts": int, "n": int}: n is how many of the user's events fall in the last
    window_seconds up to and including this one."""
    raise NotImplementedError("keep, per user, the times still inside the window")
