# expect: wrong_answer
# No deduplication: every delivery is a change of its own, with its own
# ingested_at. Equal plans collapse, so a retry mostly vanishes, but a
# retry ingested later wins a tie its change had lost.
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
    # user_id -> ts -> (event_id, n) -> [ingested_at, plan]
    changes: dict[int, dict[int, dict[tuple, list]]] = {}
    for e in events:
        # "null": the upstream did not know the plan. Not a change.
        if e["event_type"] == "null":
            continue
        at = changes.setdefault(e["user_id"], {}).setdefault(e["ts"], {})
        # Keyed by the delivery, not the event: every delivery is a change.
        at[(e["event_id"], len(at))] = [e["ingested_at"], e["event_type"]]
    out = []
    for user_id, instants in changes.items():
        versions: list[dict] = []
        for ts in sorted(instants):
            # The change that holds at this instant.
            _, (_, value) = max(instants[ts].items(), key=lambda kv: (kv[1][0], kv[0]))
            if versions and versions[-1]["value"] == value:
                continue
            if versions:
                versions[-1]["valid_to"] = ts
                versions[-1]["is_current"] = False
            versions.append({"user_id": user_id, "value": value, "valid_from": ts, "valid_to": None, "is_current": True})
        out.extend(versions)
    return out
