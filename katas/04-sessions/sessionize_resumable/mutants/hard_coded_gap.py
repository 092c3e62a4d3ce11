# expect: wrong_answer
# Compares against the number from the prompt's example, 1800, instead of
# its `gap_seconds` parameter: right until the gap changes.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dekata import Event, Session


def sessionize_chunk(state: dict[str, Any], chunk: Iterator[Event], last: bool, gap_seconds: int) -> list[Session]:
    """O(users) state: one open session per user, kept in `state` so that it
    survives the JSON checkpoint between chunks."""
    # JSON object keys are strings: key by str(user_id) from the start, so
    # the state reads the same before and after a checkpoint.
    open_: dict[str, Session] = state.setdefault("open", {})
    done: list[Session] = []
    for e in chunk:
        key = str(e["user_id"])
        session = open_.get(key)
        if session is not None and e["ts"] - session["end_ts"] <= 1800:
            session["end_ts"] = e["ts"]
            session["event_count"] += 1
        else:
            # The user's open session (if any) is over: this event is more
            # than gap_seconds after its last one.
            if session is not None:
                done.append(session)
            open_[key] = {"user_id": e["user_id"], "start_ts": e["ts"], "end_ts": e["ts"], "event_count": 1}
    if last:
        done.extend(open_.values())
        open_.clear()
    return done
