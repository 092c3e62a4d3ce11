# expect: wrong_answer
# Finds the right changes, but keeps each user's in a list of their own
# and yields them user by user at the end: the interleaving of the input
# is lost (and the output is held in memory).
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def changes_only(events: Iterator[Event]) -> Iterator[Event]:
    # user_id -> [type of the last change, newest ts, ids delivered at it]
    users: dict[int, list] = {}
    changes: defaultdict[int, list[Event]] = defaultdict(list)
    for e in events:
        user, ts, event_id, kind = e["user_id"], e["ts"], e["event_id"], e["event_type"]
        seen = users.get(user)
        if seen is None:
            users[user] = [kind, ts, {event_id}]
            changes[user].append(e)
            continue
        last_type, latest_ts, ids_at_latest = seen
        if ts < latest_ts or (ts == latest_ts and event_id in ids_at_latest):
            continue
        if ts > latest_ts:
            seen[1] = ts
            seen[2] = ids_at_latest = set()
        ids_at_latest.add(event_id)
        if kind == last_type:
            continue
        seen[0] = kind
        changes[user].append(e)
    for user in sorted(changes):
        yield from changes[user]
