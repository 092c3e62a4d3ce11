# expect: wrong_answer
# Deduplicates on the whole record, as `DISTINCT` over every column
# would: a retry with another `ingested_at` or writer counts as new.
import heapq


def dedupe_window(events, window_seconds):
    max_ts = None
    remembered = set()
    by_ts = []
    for e in events:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        watermark = max_ts - window_seconds
        while by_ts and by_ts[0][0] < watermark:
            remembered.discard(heapq.heappop(by_ts)[1])
        if ts < watermark:
            continue
        record = repr(sorted(e.items()))
        if record in remembered:
            continue
        remembered.add(record)
        heapq.heappush(by_ts, (ts, record))
        yield e
