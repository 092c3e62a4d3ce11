# expect: wrong_answer
# Never reads schema_version: takes each field under whichever name the row
# has, `row.get("userId", row.get("user_id"))`. A version 2 row that lost
# its userId takes its stale user_id instead, and rows of an unknown
# version parse instead of quarantining.
import re

INT_TEXT = re.compile(r"[+-]?[0-9]{1,19}")
FLOAT_TEXT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)", re.I | re.A)


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
    user_id = to_int(row.get("userId", row.get("user_id")), "user_id")
    ts = to_int(row.get("event_time", row.get("ts")), "ts")
    kind = row.get("type", row.get("event_type"))
    if kind is None:
        kind = "unknown"
    elif not isinstance(kind, str):
        raise BadField("event_type is not a string")
    if row.get("amount_cents") is not None:
        value = float(to_int(row["amount_cents"], "amount_cents")) / 100
    else:
        value = row.get("amount")
        if value is None:
            pass
        elif type(value) in (int, float) or (isinstance(value, str) and FLOAT_TEXT.fullmatch(value)):
            value = float(value)
        else:
            raise BadField("amount is not a number")
    return {"user_id": user_id, "ts": ts, "event_type": kind, "amount": value}


def parse_events_drift(rows):
    parsed, quarantined = [], []
    for row in rows:
        try:
            parsed.append(parse(row))
        except BadField as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
