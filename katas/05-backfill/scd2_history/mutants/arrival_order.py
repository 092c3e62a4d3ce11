# expect: wrong_answer
# Applies each change as it arrives: a plan that differs from the user's
# current one closes it at the change's ts and opens a new version. Out of
# order, a late change closes a version before it opened.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def scd2_history(events: Iterator[Event]) -> list[dict]:
    seen: set[str] = set()
    histories: dict[int, list[dict]] = {}
    for e in events:
        if e["event_type"] == "null" or e["event_id"] in seen:
            continue
        seen.add(e["event_id"])
        versions = histories.setdefault(e["user_id"], [])
        if versions and versions[-1]["value"] == e["event_type"]:
            continue
        if versions:
            versions[-1]["valid_to"] = e["ts"]
            versions[-1]["is_current"] = False
        versions.append(
            {"user_id": e["user_id"], "value": e["event_type"], "valid_from": e["ts"], "valid_to": None, "is_current": True}
        )
    return [v for versions in histories.values() for v in versions]
