# expect: wrong_answer
# Suppresses consecutive duplicates per user and nothing more: a retry
# that arrives after the status moved on looks like a change, and comes
# out a second time.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def changes_only(events: Iterator[Event]) -> Iterator[Event]:
    last: dict[int, str] = {}
    for e in events:
        if last.get(e["user_id"]) != e["event_type"]:
            last[e["user_id"]] = e["event_type"]
            yield e
