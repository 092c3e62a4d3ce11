# expect: wrong_answer
# Emits an hour only when the lateness has made it final, and ignores
# `last`: the hours still open when the input ends are never returned.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dekata import Event

HOUR = 3_600


def hourly_counts_chunk(state: dict[str, Any], chunk: Iterator[Event], last: bool, lateness_seconds: int) -> list[dict]:
    """The state is the greatest event time seen and the hours it has not
    made final, each with its ids and its count per user: bounded by the
    lateness, not by the stream. Everything in it is JSON: string keys,
    lists, numbers."""
    # str(hour_start) -> {"ids": [event_id, ...], "counts": {str(user_id): n}}
    open_: dict[str, dict[str, Any]] = state.setdefault("open", {})
    max_ts = state.get("max_ts")
    # Sets while the chunk runs, for fast lookups; lists in the checkpoint.
    ids = {key: set(hour["ids"]) for key, hour in open_.items()}
    for e in chunk:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        key = str(ts - ts % HOUR)  # % floors in Python: the hour's start
        hour = open_.get(key)
        if hour is None:
            hour = open_[key] = {"ids": [], "counts": {}}
            ids[key] = set()
        # A retry has its event's ts, so it comes back to this hour, in this
        # chunk or a later one: the hour's ids are in the state.
        if e["event_id"] not in ids[key]:
            ids[key].add(e["event_id"])
            user = str(e["user_id"])
            hour["counts"][user] = hour["counts"].get(user, 0) + 1
    state["max_ts"] = max_ts
    # An hour is final once no event can still fall in it: every event to
    # come has ts >= max_ts - lateness_seconds. Its ids go with it.
    done: list[dict] = []
    for key in [k for k in open_ if max_ts is not None and int(k) + HOUR <= max_ts - lateness_seconds]:
        for user, n in open_.pop(key)["counts"].items():
            done.append({"hour_start": int(key), "user_id": int(user), "n": n})
    for key, hour in open_.items():
        hour["ids"] = sorted(ids[key])
    return done
