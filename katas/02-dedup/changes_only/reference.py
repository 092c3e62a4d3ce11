from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def changes_only(events: Iterator[Event]) -> Iterator[Event]:
    """A generator with one small state per user: a delivery behind the
    user's newest ts is a retry (originals arrive in event-time order), and
    one at that ts is a retry when its id was delivered at it."""
    # user_id -> [type of the last emitted event, newest ts, ids delivered at it]
    users: dict[int, list] = {}
    for e in events:
        user, ts, event_id, kind = e["user_id"], e["ts"], e["event_id"], e["event_type"]
        seen = users.get(user)
        if seen is None:
            # A user's first event is a change.
            users[user] = [kind, ts, {event_id}]
            yield e
            continue
        last_type, latest_ts, ids_at_latest = seen
        if ts < latest_ts or (ts == latest_ts and event_id in ids_at_latest):
            continue  # a retry: never emitted, never a change
        if ts > latest_ts:
            seen[1] = ts
            seen[2] = ids_at_latest = set()
        ids_at_latest.add(event_id)
        if kind == last_type:
            continue  # the same status again
        seen[0] = kind
        yield e
