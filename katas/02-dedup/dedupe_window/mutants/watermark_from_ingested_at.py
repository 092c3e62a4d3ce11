# expect: wrong_answer
# Moves the watermark by processing time, the greatest `ingested_at`,
# and holds event times against it.
import heapq


def dedupe_window(events, window_seconds):
    max_ts = None
    remembered = set()
    by_ts = []
    for e in events:
        ts = e["ts"]
        if max_ts is None or e["ingested_at"] > max_ts:
            max_ts = e["ingested_at"]
        watermark = max_ts - window_seconds
        while by_ts and by_ts[0][0] < watermark:
            remembered.discard(heapq.heappop(by_ts)[1])
        if ts < watermark:
            continue
        event_id = e["event_id"]
        if event_id in remembered:
            continue
        remembered.add(event_id)
        heapq.heappush(by_ts, (ts, event_id))
        yield e
