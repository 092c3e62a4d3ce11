# expect: wrong_answer
# Returns a JSON integer amount as it came (42, not 42.0): the rule gives
# every amount as a float, and outputs are compared with their JSON types.
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dekata import ParsedEvent, Quarantined, RawRow

I64_MIN, I64_MAX = -(2**63), 2**63 - 1
MAX_EVENT_TYPE_BYTES = 64
AMOUNT_LIMIT = 1e16  # DECIMAL(18,2) holds absolute values below 10**16

# What Rust's `str::trim` strips (Unicode White_Space). `str.strip()` would
# also strip U+001C..U+001F, which Rust keeps.
WHITESPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

# Rust's `str::parse::<i64>`: a sign and ASCII digits, nothing else. `int()`
# would also take "1_000" and non-ASCII digits such as "١٢". The leading
# zeros are split off to tell an overflow by its length, before `int()`
# could meet its 4300-digit limit.
INT_TEXT = re.compile(r"([+-]?)0*([0-9]+)")

# Rust's `str::parse::<f64>`: no underscores, ASCII digits only; "inf",
# "infinity" and "nan" in any case. `float()` is laxer.
FLOAT_TEXT = re.compile(
    r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)",
    re.IGNORECASE | re.ASCII,
)


class BadField(ValueError):
    """A value the rules do not accept; the message names the field."""


def present(row: RawRow, field: str) -> Any:
    """The field's value, None when it is missing, null or blank text (empty,
    or "null" in any case); other text comes back trimmed."""
    value = row.get(field)
    if isinstance(value, str):
        value = value.strip(WHITESPACE)
        # lower() maps no non-ASCII letter to n, u or l: this is Rust's
        # eq_ignore_ascii_case("null").
        if not value or value.lower() == "null":
            return None
    return value


def required_int(row: RawRow, field: str) -> int:
    value = present(row, field)
    if value is None:
        raise BadField(f"{field} is missing, null or blank")
    if isinstance(value, str):
        m = INT_TEXT.fullmatch(value)
        if m is None:
            raise BadField(f"{field} is not an integer: {value[:40]!r}")
        # More than 19 digits (leading zeros aside) never fit an i64.
        if len(m[2]) > 19 or not I64_MIN <= (n := int(m[1] + m[2])) <= I64_MAX:
            raise BadField(f"{field} overflows an i64: {value[:40]!r}")
        return n
    # `type(...) is`, not isinstance: `True` is an int in Python.
    if type(value) is int:
        # Python ints have no 64-bit bound: check it here.
        if not I64_MIN <= value <= I64_MAX:
            raise BadField(f"{field} overflows an i64: {value}")
        return value
    if type(value) is float:
        # int() would truncate 12.5 to 12: only whole floats are integers.
        if not value.is_integer():
            raise BadField(f"{field} is not a whole number: {value!r}")
        if not -(2.0**63) <= value < 2.0**63:
            raise BadField(f"{field} overflows an i64: {value!r}")
        return int(value)
    # A boolean, an object or an array.
    raise BadField(f"{field} has the wrong type: {value!r:.40}")


def event_type(row: RawRow) -> str:
    value = present(row, "event_type")
    if value is None:
        return "unknown"
    if not isinstance(value, str):
        raise BadField(f"event_type is not text: {value!r:.40}")
    # The limit is in UTF-8 bytes, as Rust's `str::len`, not in characters.
    size = len(value.encode("utf-8"))
    if size > MAX_EVENT_TYPE_BYTES:
        raise BadField(f"event_type is {size} bytes long, more than {MAX_EVENT_TYPE_BYTES}")
    return value


def amount(row: RawRow) -> float | None:
    value = present(row, "amount")
    if value is None:
        return None
    if isinstance(value, str):
        if not FLOAT_TEXT.fullmatch(value):
            raise BadField(f"amount is not a number: {value[:40]!r}")
        x = float(value)
    elif type(value) is int and abs(value) < 10**16:
        return value
    elif type(value) is int or type(value) is float:
        x = float(value)
    else:
        raise BadField(f"amount has the wrong type: {value!r:.40}")
    if not math.isfinite(x):  # "NaN", "inf" and "1e400" parse, as in Rust
        raise BadField(f"amount is not a finite number: {x}")
    if abs(x) >= AMOUNT_LIMIT:
        raise BadField(f"amount overflows DECIMAL(18,2): {x}")
    return x


def parse(row: RawRow) -> ParsedEvent:
    # Fields in the Rust reference's order, so the error names the same one.
    return {
        "user_id": required_int(row, "user_id"),
        "ts": required_int(row, "ts"),
        "event_type": event_type(row),
        "amount": amount(row),
    }


def parse_events_lenient(rows: Iterator[RawRow]) -> tuple[list[ParsedEvent], list[Quarantined]]:
    """One pass; the try is around one row, so a bad row never stops the batch."""
    parsed: list[ParsedEvent] = []
    quarantined: list[Quarantined] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
