# expect: wrong_answer
# Turns a float into an integer with `int(value)`: int() truncates, so
# 12.5 becomes 12, where the rule accepts only whole floats such as 12.0.
import math
import re

INT_TEXT = re.compile(r"[+-]?[0-9]+")
FLOAT_TEXT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)", re.I | re.A)


class BadField(ValueError):
    pass


def present(row, field):
    value = row.get(field)
    if isinstance(value, str):
        value = value.strip()
        if not value or value.lower() == "null":
            return None
    return value


def to_int(row, field):
    value = present(row, field)
    if value is None:
        raise BadField(f"{field} is missing, null or blank")
    if isinstance(value, str):
        if not INT_TEXT.fullmatch(value):
            raise BadField(f"{field} is not an integer")
        value = int(value)
    elif type(value) is float:
        value = int(value)
    elif type(value) is not int:
        raise BadField(f"{field} has the wrong type")
    if not -(2**63) <= value < 2**63:
        raise BadField(f"{field} overflows an i64")
    return value


def event_type(row):
    value = present(row, "event_type")
    if value is None:
        return "unknown"
    if not isinstance(value, str):
        raise BadField("event_type is not text")
    if len(value.encode()) > 64:
        raise BadField("event_type is longer than 64 bytes")
    return value


def amount(row):
    value = present(row, "amount")
    if value is None:
        return None
    if isinstance(value, str) and FLOAT_TEXT.fullmatch(value):
        x = float(value)
    elif type(value) in (int, float):
        x = float(value)
    else:
        raise BadField("amount is not a number")
    if not math.isfinite(x) or abs(x) >= 1e16:
        raise BadField("amount is not finite or overflows DECIMAL(18,2)")
    return x


def parse_events_lenient(rows):
    parsed, quarantined = [], []
    for row in rows:
        try:
            parsed.append({"user_id": to_int(row, "user_id"), "ts": to_int(row, "ts"),
                           "event_type": event_type(row), "amount": amount(row)})
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
