# expect: wrong_answer
# Lets Python's int() and float() decide: int(12.5) truncates to 12,
# int(True) is 1, and float(" 42 ") strips the spaces, where the rule
# quarantines all three.


def parse_events(rows):
    parsed, quarantined = [], []
    for row in rows:
        try:
            event_type = row.get("event_type")
            if event_type is None:
                event_type = "unknown"
            elif not isinstance(event_type, str):
                raise ValueError("event_type is not a string")
            amount = row.get("amount")
            try:
                amount = None if amount is None else float(amount)
            except (TypeError, ValueError):
                raise ValueError("amount is not a number") from None
            user_id, ts = row.get("user_id"), row.get("ts")
            try:
                user_id = int(user_id)
            except (TypeError, ValueError):
                raise ValueError("user_id is not an integer") from None
            try:
                ts = int(ts)
            except (TypeError, ValueError):
                raise ValueError("ts is not an integer") from None
            if not (-(2**63) <= user_id < 2**63 and -(2**63) <= ts < 2**63):
                raise ValueError("user_id or ts does not fit an i64")
            parsed.append({"user_id": user_id, "ts": ts, "event_type": event_type, "amount": amount})
        except ValueError as e:
            quarantined.append({"row": row, "error": str(e)})
    return parsed, quarantined
