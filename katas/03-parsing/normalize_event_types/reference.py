from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow

I64_MIN, I64_MAX = -(2**63), 2**63 - 1

# What Rust's `str::trim` strips (Unicode White_Space). `str.strip()` would
# also strip U+001C..U+001F, which Rust keeps.
WHITESPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

# Rust's `str::parse::<i64>`: a sign and ASCII digits, nothing else. `int()`
# would also take "1_000" and non-ASCII digits such as "١٢". Leading zeros
# are split off so that `int()` never meets its 4300-digit limit.
INT_TEXT = re.compile(r"([+-]?)0*([0-9]+)")


class Names(NamedTuple):
    """The names a schema version gives the two fields."""

    user_id: str
    event_type: str


V1 = Names("user_id", "event_type")
V2 = Names("userId", "type")


class BadField(ValueError):
    """A value the rule does not accept; the message names the field."""


def names(row: RawRow) -> Names:
    if "schema_version" not in row:
        return V1
    version = row["schema_version"]
    # Not `version == 2`: in Python 2.0 == 2 and True == 1.
    if type(version) is int and version in (1, 2):
        return V1 if version == 1 else V2
    raise BadField(f"schema_version {version!r:.40} is not a version this job knows (1 or 2)")


def user_id(row: RawRow, field: str) -> int:
    if field not in row:
        raise BadField(f"{field} is missing")
    value = row[field]
    # `type(...) is int`, not isinstance: `True` is an int in Python.
    if type(value) is int:
        if I64_MIN <= value <= I64_MAX:
            return value
        raise BadField(f"{field} is not an i64 integer: {value}")
    if isinstance(value, str):
        m = INT_TEXT.fullmatch(value.strip(WHITESPACE))
        if m is not None and len(m[2]) <= 19:
            n = int(m[1] + m[2])
            if I64_MIN <= n <= I64_MAX:
                return n
        raise BadField(f"{field} is not an integer: {value[:40]!r}")
    # None, a float (even 12.0), a bool, a dict, a list.
    raise BadField(f"{field} has the wrong type: {value!r:.40}")


def event_type(row: RawRow, field: str) -> str | None:
    """Stripped and lowercased; blank text and the text null are no event type."""
    value = row.get(field)
    if value is None:
        return None
    if isinstance(value, str):
        # `lower()`, as Rust's `to_lowercase`; `casefold()` would turn "ß" into "ss".
        t = value.strip(WHITESPACE).lower()
        return None if t in ("", "null") else t
    raise BadField(f"{field} is not text: {value!r:.40}")


def parse(row: RawRow) -> dict:
    v = names(row)
    # The user id first, as in the Rust reference, so the error names the same field.
    uid = user_id(row, v.user_id)
    return {"user_id": uid, "event_type": event_type(row, v.event_type)}


def normalize_event_types(rows: Iterator[RawRow]) -> tuple[list[dict], list[Quarantined]]:
    """One pass; the version decides the names, the try is around one row."""
    parsed: list[dict] = []
    quarantined: list[Quarantined] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
