from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def daily_streaks(events: Iterator[Event], min_events: int) -> Mapping[int, dict]:
    """For each user with an active day: {"days": int, "first_day": date} of
    the longest run of consecutive active UTC days."""
    raise NotImplementedError("find each user's active days, then the longest run of consecutive ones")
