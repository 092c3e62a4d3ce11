# expect: wrong_answer
# Rounds milliseconds to the nearest second with `round(n / 1000)`:
# 1767225600999 becomes 1767225601, a second after the event happened.
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow

I64_MIN, I64_MAX = -(2**63), 2**63 - 1
MILLIS_FROM = 10**11  # an integer this large or larger counts milliseconds

# What Rust's `str::trim` strips (Unicode White_Space). `str.strip()` would
# also strip U+001C..U+001F, which Rust keeps.
WHITESPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

# ASCII digits only: `str.isdigit()` and `int()` also take "١٢", and `int()`
# takes "+1" and "1_000".
DIGITS = re.compile(r"[0-9]+")

# The two text forms. `datetime.fromisoformat` is no help here: on Python
# 3.10 it refuses the `Z`, and on every version it takes more than the rule
# (a date alone, a `T` time with no zone, a space with an offset).
TEXT_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))"
    r"| ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?)"
)


class BadField(ValueError):
    """A value the rules do not accept; the message names the field."""


def from_epoch(n: int) -> int:
    """Epoch seconds or milliseconds, told apart by size; milliseconds round
    down to their second (`//` floors, as Rust's `div_euclid`)."""
    if not I64_MIN <= n <= I64_MAX:
        raise BadField(f"ts overflows an i64: {n}")
    return round(n / 1000) if n >= MILLIS_FROM else n


def days_in_month(y: int, m: int) -> int:
    if m == 2:
        return 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days from 1970-01-01 to a date that exists (Howard Hinnant's)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def from_text_time(t: str) -> int | None:
    """The UTC seconds of a text time in one of the two forms, if the date
    and the time exist; a fraction of a second is dropped."""
    m = TEXT_TIME.fullmatch(t)
    if m is None:
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if m[4] is not None:
        h, mi, s = int(m[4]), int(m[5]), int(m[6])
        offset = 0
        if m[7] is None:
            oh, om = int(m[9]), int(m[10])
            if oh > 23 or om > 59:
                return None
            offset = (oh * 60 + om) * (-1 if m[8] == "-" else 1)
    else:
        h, mi, s = int(m[11]), int(m[12]), int(m[13])
        offset = 0  # no zone: UTC
    # Year 0000 is a year here, as in Rust's calendar.
    if not (1 <= mo <= 12 and 1 <= d <= days_in_month(y, mo)) or h > 23 or mi > 59 or s > 59:
        return None
    # The local time minus its offset is UTC: 10:00+05:30 is 04:30Z.
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset * 60


def parse(row: RawRow) -> dict:
    v = row.get("ts")
    if v is None:
        raise BadField("ts is missing or null")
    # `type(...) is int`, not isinstance: `True` is an int in Python.
    if type(v) is int:
        return {"ts": from_epoch(v)}
    if isinstance(v, str):
        t = v.strip(WHITESPACE)
        if DIGITS.fullmatch(t):
            # More than 19 digits (leading zeros aside) never fit an i64.
            if len(t.lstrip("0")) > 19:
                raise BadField(f"ts overflows an i64: {t[:40]!r}")
            return {"ts": from_epoch(int(t))}
        ts = from_text_time(t)
        if ts is None:
            raise BadField(f"ts is not a time this feed sends: {t[:40]!r}")
        return {"ts": ts}
    # A float, a boolean, an object or an array.
    raise BadField(f"ts has the wrong type: {v!r:.40}")


def parse_timestamps(rows: Iterator[RawRow]) -> tuple[list[dict], list[Quarantined]]:
    """One pass; the try is around one row, so a bad row never stops the batch."""
    parsed: list[dict] = []
    quarantined: list[Quarantined] = []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
