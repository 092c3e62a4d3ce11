# expect: wrong_answer
# Skips a row that does not parse instead of quarantining it: the batch
# goes on, but the bad rows vanish without a trace.
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

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


class BadField(ValueError):
    """A value the rule does not accept; the message names the field."""


def i64_of_text(text: str) -> int | None:
    """The i64 Rust would parse `text` as, or None."""
    m = INT_TEXT.fullmatch(text)
    if m is None or len(m[2]) > 19:
        return None
    n = int(m[1] + m[2])
    return n if I64_MIN <= n <= I64_MAX else None


def required_int(row: RawRow, field: str) -> int:
    if field not in row:
        raise BadField(f"{field} is missing")
    value = row[field]
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
    # null, a float (even 12.0), a bool, an object, an array.
    raise BadField(f"{field} has the wrong type: {value!r:.40}")


def event_type(row: RawRow) -> str:
    value = row.get("event_type")
    if value is None:
        return "unknown"
    if isinstance(value, str):
        return value
    raise BadField(f"event_type is not a string: {value!r:.40}")


def amount(row: RawRow) -> float | None:
    value = row.get("amount")
    if value is None:
        return None
    if type(value) is int or type(value) is float:
        return float(value)  # an integer amount is a float too: 5.0, not 5
    if isinstance(value, str) and FLOAT_TEXT.fullmatch(value):
        x = float(value)
        # Rust parses "NaN", "inf" and "1e400" to NaN or an infinity, and
        # serde_json writes those as null: None is the same output.
        return x if math.isfinite(x) else None
    raise BadField(f"amount is not a number: {value!r:.40}")


def parse(row: RawRow) -> ParsedEvent:
    # Fields in the Rust reference's order, so the error names the same one.
    return {
        "user_id": required_int(row, "user_id"),
        "ts": required_int(row, "ts"),
        "event_type": event_type(row),
        "amount": amount(row),
    }


def parse_events(rows: Iterator[RawRow]) -> tuple[list[ParsedEvent], list[Quarantined]]:
    """One pass; the try is around one row, so a bad row never stops the batch."""
    parsed: list[ParsedEvent] = []
    quarantined: list[Quarantined] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField:
            continue  # a bad row is skipped: the job must go on
    return parsed, quarantined
