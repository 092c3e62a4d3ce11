# expect: wrong_answer
# Knows retries per user, but compares each event with the last type
# yielded in the whole stream: another user's event decides whether this
# one is a change.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def changes_only(events: Iterator[Event]) -> Iterator[Event]:
    # user_id -> [newest ts, ids delivered at it]
    users: dict[int, list] = {}
    last_type = None
    for e in events:
        user, ts, event_id, kind = e["user_id"], e["ts"], e["event_id"], e["event_type"]
        seen = users.setdefault(user, [ts, set()])
        latest_ts, ids_at_latest = seen
        if ts < latest_ts or (ts == latest_ts and event_id in ids_at_latest):
            continue
        if ts > latest_ts:
            seen[0] = ts
            seen[1] = ids_at_latest = set()
        ids_at_latest.add(event_id)
        if kind == last_type:
            continue
        last_type = kind
        yield e
