from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def latest_per_key(events: Iterator[Event]) -> list[Event]:
    """O(keys) memory: one event per (user_id, event_type)."""
    latest: dict[tuple[int, str], Event] = {}
    for e in events:
        key = (e["user_id"], e["event_type"])
        old = latest.get(key)
        # A strict > on (ts, ingested_at): equal tuples keep the first seen.
        if old is None or (e["ts"], e["ingested_at"]) > (old["ts"], old["ingested_at"]):
            latest[key] = e
    return list(latest.values())
