# expect: wrong_answer
# Closes a version one second before the next one opens: an inclusive
# valid_to, where the rule's interval is half-open.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def scd2_history(events: Iterator[Event]) -> list[dict]:
    """Every change is kept until the input ends, because a late one can
    land between any two instants: memory grows with the history, as the
    output does. A retry repeats its original's user and ts, so it meets
    the original in the same instant and merges there."""
    # user_id -> ts -> event_id -> [smallest ingested_at, plan]
    changes: dict[int, dict[int, dict[str, list]]] = {}
    for e in events:
        # "null": the upstream did not know the plan. Not a change.
        if e["event_type"] == "null":
            continue
        at = changes.setdefault(e["user_id"], {}).setdefault(e["ts"], {})
        change = at.get(e["event_id"])
        if change is None:
            at[e["event_id"]] = [e["ingested_at"], e["event_type"]]
        elif e["ingested_at"] < change[0]:
            change[0] = e["ingested_at"]
    out = []
    for user_id, instants in changes.items():
        versions: list[dict] = []
        for ts in sorted(instants):
            # The change that holds at this instant.
            _, (_, value) = max(instants[ts].items(), key=lambda kv: (kv[1][0], kv[0]))
            if versions and versions[-1]["value"] == value:
                continue
            if versions:
                versions[-1]["valid_to"] = ts - 1
                versions[-1]["is_current"] = False
            versions.append({"user_id": user_id, "value": value, "valid_from": ts, "valid_to": None, "is_current": True})
        out.extend(versions)
    return out
