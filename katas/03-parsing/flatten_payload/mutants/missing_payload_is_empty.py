# expect: wrong_answer
# Reads the payload with a default of {}: a row without one parses with no
# fields, where the rule quarantines it. A null payload is still caught.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow

I64_MIN, I64_MAX = -(2**63), 2**63 - 1


class BadField(ValueError):
    """A value the rule does not accept; the message names the field."""


def kind(v: Any) -> str:
    """What kind of JSON value `v` is, for an error message."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, str):
        return "text"
    return "an array" if isinstance(v, list) else "an object"


def user_id(row: RawRow) -> int:
    if "user_id" not in row:
        raise BadField("user_id is missing")
    value = row["user_id"]
    # `type(...) is int`, not isinstance: `True` is an int in Python.
    if type(value) is int:
        if I64_MIN <= value <= I64_MAX:
            return value
        raise BadField(f"user_id {value} is not an i64 integer")
    raise BadField(f"user_id is {kind(value)}, not an integer")


def payload(row: RawRow) -> dict[str, Any]:
    value = row.get("payload", {})
    if isinstance(value, dict):
        return value
    raise BadField(f"payload is {kind(value)}, not an object")


def flatten(path: str, value: Any, out: dict[str, Any]) -> None:
    """Puts every leaf under `value` into `out`, keyed by its path from the
    payload. A non-empty dict or list adds one path segment per entry (a
    key, or an index from 0); anything else is a leaf, {} and [] included.
    One Python frame per level: the payloads here are tens of levels deep,
    far below the recursion limit."""
    if isinstance(value, dict) and value:
        for key, v in value.items():
            flatten(f"{path}.{key}", v, out)
    elif isinstance(value, list) and value:
        for i, v in enumerate(value):
            flatten(f"{path}.{i}", v, out)
    else:
        out[path] = value


def parse(row: RawRow) -> dict[str, Any]:
    # The user id first, as in the Rust reference, so the error names the same field.
    uid = user_id(row)
    fields: dict[str, Any] = {}
    # The payload is the root: its keys start the paths, and {} gives no fields.
    for key, v in payload(row).items():
        flatten(key, v, fields)
    return {"user_id": uid, "fields": fields}


def flatten_payload(rows: Iterator[RawRow]) -> tuple[list[dict[str, Any]], list[Quarantined]]:
    """One pass; the try is around one row, so a bad row never stops the batch."""
    parsed: list[dict[str, Any]] = []
    quarantined: list[Quarantined] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
