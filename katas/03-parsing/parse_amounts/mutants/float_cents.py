# expect: wrong_answer
# Rounds nothing: a float of dollars comes out as `x * 100`, a float such as
# 1998.9999999999998, where the rule asks for whole cents as an int.
from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow

I64_MIN, I64_MAX = -(2**63), 2**63 - 1

# What Rust's `str::trim` strips (Unicode White_Space). `str.strip()` would
# also strip U+001C..U+001F, which Rust keeps.
WHITESPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


class BadField(ValueError):
    """A value the rule does not accept; the message names the field."""


def is_null_text(s: str) -> bool:
    """The text null, in any letter case, with spaces around or not."""
    t = s.strip(WHITESPACE)
    return t.isascii() and t.lower() == "null"


def in_i64(c: int, field: str) -> int:
    if I64_MIN <= c <= I64_MAX:
        return c
    raise BadField(f"{field} overflows an i64 of cents")


def cents(row: RawRow, field: str, per_unit: int) -> int | None:
    """The cents a field holds; `per_unit` is 100 for dollars, 1 for cents."""
    v = row.get(field)
    if v is None:
        return None
    if isinstance(v, str):
        if is_null_text(v):
            return None
        raise BadField(f"{field} is text, not a number: {v!r:.40}")
    # `type(...) is int`, not isinstance: `True` is an int in Python.
    if type(v) is int:
        return in_i64(v * per_unit, field)
    if type(v) is float:
        if per_unit == 1:
            raise BadField(f"{field} is not a whole number of cents: {v!r}")
        c = v * 100.0
        if not math.isfinite(c):
            raise BadField(f"{field} overflows an i64 of cents")
        # Rust's `f64::round`: the nearest integer, halves away from zero.
        # `round()` would send halves to the even neighbour.
        return in_i64(c, field)  # type: ignore[arg-type]
    raise BadField(f"{field} has the wrong type: {v!r:.40}")


def parse(row: RawRow) -> dict:
    if "amount_cents" in row:
        return {"amount_cents": cents(row, "amount_cents", 1)}
    return {"amount_cents": cents(row, "amount", 100)}


def parse_amounts(rows: Iterator[RawRow]) -> tuple[list[dict], list[Quarantined]]:
    """One pass; the try is around one row, never the loop."""
    parsed: list[dict] = []
    quarantined: list[Quarantined] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
