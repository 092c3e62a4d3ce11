# expect: wrong_answer
# Quarantines the right rows, with `str(e)` as the error: the message of a
# ValueError raised deep in a helper ("not an integer: 'n/a-17'") never
# says which field it was, so nobody can tell what to fix upstream.
import re

INT_TEXT = re.compile(r"[+-]?[0-9]{1,19}")
FLOAT_TEXT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)", re.I | re.A)


def to_int(value):
    if type(value) is int and -(2**63) <= value < 2**63:
        return value
    if isinstance(value, str) and INT_TEXT.fullmatch(value.strip()):
        n = int(value)
        if -(2**63) <= n < 2**63:
            return n
    raise ValueError(f"not an integer: {value!r:.20}")


def to_amount(value):
    if value is None:
        return None
    if type(value) in (int, float):
        return float(value)
    if isinstance(value, str) and FLOAT_TEXT.fullmatch(value):
        return float(value)
    raise ValueError(f"not a number: {value!r:.20}")


def parse_events(rows):
    parsed, quarantined = [], []
    for row in rows:
        try:
            event_type = row.get("event_type")
            if event_type is None:
                event_type = "unknown"
            elif not isinstance(event_type, str):
                raise ValueError(f"not a string: {event_type!r:.20}")
            parsed.append({
                "user_id": to_int(row.get("user_id")),
                "ts": to_int(row.get("ts")),
                "event_type": event_type,
                "amount": to_amount(row.get("amount")),
            })
        except ValueError as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
