# expect: memory_exceeded
# Tells retries apart with a set of every `event_id` seen: right, and the
# set grows with the stream while fifty users need fifty small states.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def changes_only(events: Iterator[Event]) -> Iterator[Event]:
    seen_ids: set[str] = set()
    last: dict[int, str] = {}
    for e in events:
        if e["event_id"] in seen_ids:
            continue
        seen_ids.add(e["event_id"])
        if last.get(e["user_id"]) != e["event_type"]:
            last[e["user_id"]] = e["event_type"]
            yield e
