# expect: wrong_answer
# Returns a JSON integer amount as it came (42, not 42.0): the rule gives
# every amount as a float, and outputs are compared with their JSON types.
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from dekata import ParsedEvent, Quarantined, RawRow

I64_MIN, I64_MAX = -(2**63), 2**63 - 1

# What Rust's `str::trim` strips (Unicode White_Space). `str.strip()` would
# also strip U+001C..U+001F, which Rust keeps.
WHITESPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

# Rust's `str::parse::<i64>`: a sign and ASCII digits, nothing else. `int()`
# would also take "1_000", " 12 " and non-ASCII digits such as "١٢". Leading
# zeros are split off so that `int()` never meets its 4300-digit limit.
INT_TEXT = re.compile(r"([+-]?)0*([0-9]+)")

# Rust's `str::parse::<f64>`: no spaces, no underscores, ASCII digits only;
# "inf", "infinity" and "nan" in any case. `float()` is laxer on all three.
FLOAT_TEXT = re.compile(
    r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)",
    re.IGNORECASE | re.ASCII,
)


class Names(NamedTuple):
    """The names a schema version gives the four fields of a ParsedEvent."""

    user_id: str
    ts: str
    event_type: str
    amount: str
    in_cents: bool  # version 2 carries the amount as whole cents


V1 = Names("user_id", "ts", "event_type", "amount", in_cents=False)
V2 = Names("userId", "event_time", "type", "amount_cents", in_cents=True)


class BadField(ValueError):
    """A value the rule does not accept; the message names the field."""


def names(row: RawRow) -> Names:
    if "schema_version" not in row:
        return V1
    version = row["schema_version"]
    # Not `version == 2`: in Python 2.0 == 2 and True == 1, and neither is
    # the JSON integer the rule asks for.
    if type(version) is int and version in (1, 2):
        return V1 if version == 1 else V2
    raise BadField(f"schema_version {version!r:.40} is not a version this job knows (1 or 2)")


def i64_of_text(text: str) -> int | None:
    """The i64 Rust would parse `text` as, or None."""
    m = INT_TEXT.fullmatch(text)
    if m is None or len(m[2]) > 19:
        return None
    n = int(m[1] + m[2])
    return n if I64_MIN <= n <= I64_MAX else None


def to_int(value: object, field: str) -> int:
    # `type(...) is int`, not isinstance: `True` is an int in Python.
    if type(value) is int:
        if I64_MIN <= value <= I64_MAX:
            return value
        raise BadField(f"{field} is not an i64 integer: {value}")
    if isinstance(value, str):
        n = i64_of_text(value.strip(WHITESPACE))
        if n is None:
            raise BadField(f"{field} is not an integer: {value[:40]!r}")
        return n
    # None, a float (even 12.0), a bool, an object, an array.
    raise BadField(f"{field} has the wrong type: {value!r:.40}")


def required_int(row: RawRow, field: str) -> int:
    if field not in row:
        raise BadField(f"{field} is missing")
    return to_int(row[field], field)


def event_type(row: RawRow, field: str) -> str:
    value = row.get(field)
    if value is None:
        return "unknown"
    if isinstance(value, str):
        return value
    raise BadField(f"{field} is not a string: {value!r:.40}")


def amount(row: RawRow, names: Names) -> float | None:
    field = names.amount
    value = row.get(field)
    if value is None:
        return None
    if names.in_cents:
        # The integer rule, then cents to units. float() first, as Rust's
        # `cents as f64 / 100.0`: int / int would round differently past 2**53.
        return float(to_int(value, field)) / 100
    if type(value) is int:
        return value
    if type(value) is float:
        return value
    if isinstance(value, str) and FLOAT_TEXT.fullmatch(value):
        x = float(value)
        # Rust parses "NaN", "inf" and "1e400" to NaN or an infinity, and
        # serde_json writes those as null: None is the same output.
        return x if math.isfinite(x) else None
    raise BadField(f"{field} is not a number: {value!r:.40}")


def parse(row: RawRow) -> ParsedEvent:
    v = names(row)
    # Fields in the Rust reference's order, so the error names the same one.
    return {
        "user_id": required_int(row, v.user_id),
        "ts": required_int(row, v.ts),
        "event_type": event_type(row, v.event_type),
        "amount": amount(row, v),
    }


def parse_events_drift(rows: Iterator[RawRow]) -> tuple[list[ParsedEvent], list[Quarantined]]:
    """One pass; the version decides the names, the try is around one row."""
    parsed: list[ParsedEvent] = []
    quarantined: list[Quarantined] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
