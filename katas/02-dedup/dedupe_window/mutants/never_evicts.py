# expect: memory_exceeded
# Applies the watermark to deliveries but never forgets an id: the same
# output, and a set that grows with every id the stream has ever had.
def dedupe_window(events, window_seconds):
    max_ts = None
    remembered = set()
    for e in events:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        watermark = max_ts - window_seconds
        if ts < watermark:
            continue
        event_id = e["event_id"]
        if event_id in remembered:
            continue
        remembered.add(event_id)
        yield e
