# expect: wrong_answer
# Forgets a key once its own ts is window_seconds behind the greatest ts,
# as a watermark would: a late event's key is forgotten at once, and its
# retry comes out again.
import heapq


def dedupe_by_content(events, window_seconds):
    max_ts = None
    seen = set()
    by_ts = []
    for e in events:
        ts = e["ts"]
        if max_ts is None or ts > max_ts:
            max_ts = ts
        while by_ts and by_ts[0][0] < max_ts - window_seconds:
            seen.discard(heapq.heappop(by_ts)[1])
        key = (e["user_id"], e["event_type"], ts)
        if key in seen:
            continue
        seen.add(key)
        heapq.heappush(by_ts, (ts, key))
        yield e
