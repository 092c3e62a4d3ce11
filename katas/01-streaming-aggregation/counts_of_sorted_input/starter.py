from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def counts_of_sorted_input(events: Iterator[Event]) -> Iterator[dict]:
    """The input is sorted by (user_id, ts): yield {"user_id": int, "events":
    int, "distinct_event_types": int} for each user as soon as their run
    ends, in constant memory."""
    raise NotImplementedError("hold the current user's run only; yield it when the next user starts")
