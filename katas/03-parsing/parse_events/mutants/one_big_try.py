# expect: wrong_answer
# One try around the whole loop: at the first bad row the loop stops, that
# row goes to quarantine, and every row after it is lost.
import re

INT_TEXT = re.compile(r"[+-]?[0-9]{1,19}")
FLOAT_TEXT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)", re.I | re.A)


def to_int(row, field):
    value = row.get(field)
    if type(value) is int and -(2**63) <= value < 2**63:
        return value
    if isinstance(value, str) and INT_TEXT.fullmatch(value.strip()):
        n = int(value)
        if -(2**63) <= n < 2**63:
            return n
    raise ValueError(f"{field} is missing or not an integer")


def parse_events(rows):
    parsed, quarantined = [], []
    row = None
    try:
        for row in rows:
            event_type = row.get("event_type")
            if event_type is None:
                event_type = "unknown"
            elif not isinstance(event_type, str):
                raise ValueError("event_type is not a string")
            amount = row.get("amount")
            if type(amount) in (int, float):
                amount = float(amount)
            elif isinstance(amount, str) and FLOAT_TEXT.fullmatch(amount):
                amount = float(amount)
            elif amount is not None:
                raise ValueError("amount is not a number")
            parsed.append({"user_id": to_int(row, "user_id"), "ts": to_int(row, "ts"),
                           "event_type": event_type, "amount": amount})
    except ValueError as e:
        quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
