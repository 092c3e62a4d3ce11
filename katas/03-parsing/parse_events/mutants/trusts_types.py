# expect: panicked
# Handles the holes it thought of (missing, null, "null", ""), then trusts
# the types: int() and float() raise on "n/a-17", a 4 KiB string or an
# object, and nothing catches it. Fine on clean rows.


def parse_events(rows):
    parsed, quarantined = [], []
    for row in rows:
        user_id, ts = row.get("user_id"), row.get("ts")
        if user_id in (None, "", "null") or ts in (None, "", "null"):
            quarantined.append({"row": row, "error": "user_id or ts is missing or null"})
            continue
        amount = row.get("amount")
        parsed.append({
            "user_id": int(user_id),
            "ts": int(ts),
            "event_type": row.get("event_type") or "unknown",
            "amount": None if amount is None else float(amount),
        })
    return parsed, quarantined
