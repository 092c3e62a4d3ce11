# expect: wrong_answer
# Compares schema_version with `==`: in Python `2.0 == 2` (and
# `True == 1`), so a row whose version is the float 2.0 is read as
# version 2 and parses, where the rule quarantines it.
import re

INT_TEXT = re.compile(r"[+-]?[0-9]{1,19}")
FLOAT_TEXT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)", re.I | re.A)
V1 = ("user_id", "ts", "event_type", "amount")
V2 = ("userId", "event_time", "type", "amount_cents")


class BadField(ValueError):
    pass


def to_int(value, field):
    if type(value) is int and -(2**63) <= value < 2**63:
        return value
    if isinstance(value, str) and INT_TEXT.fullmatch(value.strip()):
        n = int(value)
        if -(2**63) <= n < 2**63:
            return n
    raise BadField(f"{field} is missing or not an integer")


def parse(row):
    version = row.get("schema_version", 1)
    if version == 1:
        user_id, ts, event_type, amount = V1
    elif version == 2:
        user_id, ts, event_type, amount = V2
    else:
        raise BadField(f"schema_version {version!r} is unknown")
    kind = row.get(event_type)
    if kind is None:
        kind = "unknown"
    elif not isinstance(kind, str):
        raise BadField(f"{event_type} is not a string")
    value = row.get(amount)
    if value is None:
        pass
    elif amount == "amount_cents":
        value = float(to_int(value, amount)) / 100
    elif type(value) in (int, float) or (isinstance(value, str) and FLOAT_TEXT.fullmatch(value)):
        value = float(value)
    else:
        raise BadField(f"{amount} is not a number")
    return {"user_id": to_int(row.get(user_id), user_id), "ts": to_int(row.get(ts), ts),
            "event_type": kind, "amount": value}


def parse_events_drift(rows):
    parsed, quarantined = [], []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
