from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dekata import Event


def hourly_counts_chunk(state: dict[str, Any], chunk: Iterator[Event], last: bool, lateness_seconds: int) -> list[dict]:
    """Feeds one chunk of events; returns {"hour_start": int, "user_id": int,
    "n": int} for each user of each hour that became final (of every hour
    still open when `last`). `state` starts as {} and goes through
    json.dumps/json.loads between chunks: keep in it what the next chunk needs."""
    raise NotImplementedError("carry the open hours in the state; return those the lateness has made final")
