from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def counts_of_sorted_input(events: Iterator[Event]) -> Iterator[dict]:
    """A generator over the runs. State: one user's run (their distinct types,
    and the ids of one second), whatever the number of users."""
    user = None
    count = 0
    types: set[str] = set()
    # The ts being read, and the ids counted at it: a retry carries its
    # original's ts, so it can only turn up among these.
    second = None
    ids_this_second: set[str] = set()
    for e in events:
        if e["user_id"] != user:
            if user is not None:
                yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
            user, count, types = e["user_id"], 0, set()
            second, ids_this_second = None, set()
        if e["ts"] != second:
            second, ids_this_second = e["ts"], set()
        if e["event_id"] not in ids_this_second:
            ids_this_second.add(e["event_id"])
            count += 1
            types.add(e["event_type"])
    # The input is over: the last run is complete too.
    if user is not None:
        yield {"user_id": user, "events": count, "distinct_event_types": len(types)}
