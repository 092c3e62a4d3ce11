# expect: panicked
# Trusts amount_cents to be a number: `cents / 100` raises TypeError on the
# text "1999" or "null", and nothing catches it. Right on every row the
# producers send as intended.
import re

INT_TEXT = re.compile(r"[+-]?[0-9]{1,19}")
FLOAT_TEXT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)", re.I | re.A)
NAMES = {1: ("user_id", "ts", "event_type", "amount"), 2: ("userId", "event_time", "type", "amount_cents")}


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
    if type(version) is not int or version not in NAMES:
        raise BadField(f"schema_version {version!r} is unknown")
    user_id, ts, event_type, amount = NAMES[version]
    kind = row.get(event_type)
    if kind is None:
        kind = "unknown"
    elif not isinstance(kind, str):
        raise BadField(f"{event_type} is not a string")
    value = row.get(amount)
    if value is None:
        pass
    elif version == 2:
        value = value / 100
    elif type(value) in (int, float) or (isinstance(value, str) and FLOAT_TEXT.fullmatch(value)):
        value = float(value)
    else:
        raise BadField("amount is not a number")
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
