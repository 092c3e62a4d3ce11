# expect: wrong_answer
# Careful everywhere but one place: `isinstance(value, int)`. In Python
# `True` is an int, so "user_id": true parses (as the JSON true) and
# "amount": false becomes 0.0, where the rule quarantines both.
import re

INT_TEXT = re.compile(r"[+-]?[0-9]{1,19}")
FLOAT_TEXT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)", re.I | re.A)


class BadField(ValueError):
    pass


def required_int(row, field):
    if field not in row:
        raise BadField(f"{field} is missing")
    value = row[field]
    if isinstance(value, int):
        if -(2**63) <= value < 2**63:
            return value
        raise BadField(f"{field} does not fit an i64")
    if isinstance(value, str) and INT_TEXT.fullmatch(value.strip()):
        n = int(value)
        if -(2**63) <= n < 2**63:
            return n
    raise BadField(f"{field} is not an integer")


def amount(row):
    value = row.get("amount")
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and FLOAT_TEXT.fullmatch(value):
        return float(value)
    raise BadField("amount is not a number")


def parse_events(rows):
    parsed, quarantined = [], []
    for row in rows:
        try:
            user_id, ts = required_int(row, "user_id"), required_int(row, "ts")
            event_type = row.get("event_type")
            if event_type is None:
                event_type = "unknown"
            elif not isinstance(event_type, str):
                raise BadField("event_type is not a string")
            parsed.append({"user_id": user_id, "ts": ts, "event_type": event_type, "amount": amount(row)})
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
