# expect: wrong_answer
# Drops every delivery behind the greatest ts seen, as if the stream
# were in order: the window's allowance for disorder is lost.
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
        if ts < max_ts:
            continue
        event_id = e["event_id"]
        if event_id in remembered:
            continue
        remembered.add(event_id)
        heapq.heappush(by_ts, (ts, event_id))
        yield e
