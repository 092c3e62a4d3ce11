# expect: memory_exceeded
# The content key, right, in a set that never forgets: the same output,
# and a set that grows with every event the stream has ever had.
def dedupe_by_content(events, window_seconds):
    seen = set()
    for e in events:
        key = (e["user_id"], e["event_type"], e["ts"])
        if key in seen:
            continue
        seen.add(key)
        yield e
