from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def dedupe_grouped(events: Iterator[Event]) -> Iterator[Event]:
    """The input is grouped by event_id. Yield each group's best event, lazily, in O(1) extra memory."""
    raise NotImplementedError("walk the groups, holding only the current best")
