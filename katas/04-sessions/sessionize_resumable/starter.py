from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dekata import Event, Session


def sessionize_chunk(state: dict[str, Any], chunk: Iterator[Event], last: bool, gap_seconds: int) -> list[Session]:
    """Feeds one hour of events; returns the sessions that are over (all of
    the open ones when `last`). `state` starts as {} and goes through
    json.dumps/json.loads between chunks: keep in it what the next hour needs."""
    raise NotImplementedError("carry the open sessions in the state; return those that are over")
