# expect: memory_exceeded
# Sorts the whole stream latest first (a stable sort keeps equal records in
# arrival order, even with reverse=True), then keeps the first row per key:
# right, and O(rows) memory.


def latest_per_key(events):
    ordered = sorted(events, key=lambda e: (e["ts"], e["ingested_at"]), reverse=True)
    latest = {}
    for e in ordered:
        latest.setdefault((e["user_id"], e["event_type"]), e)
    return list(latest.values())
