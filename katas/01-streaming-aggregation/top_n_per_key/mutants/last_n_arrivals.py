# expect: wrong_answer
# Keeps each user's last n arrivals, then sorts them newest first: right
# while the stream comes in event-time order, wrong once an event arrives
# late or out of order.
from collections import deque


def top_n_per_key(events, n):
    recent = {}
    for e in events:
        last = recent.setdefault(e["user_id"], deque(maxlen=n))
        if any(event_id == e["event_id"] for _, event_id in last):
            continue
        last.append((e["ts"], e["event_id"]))
    out = {}
    for user, last in recent.items():
        # Newest first; on equal ts the smaller event_id first.
        ordered = sorted(last, key=lambda k: k[1])
        ordered.sort(key=lambda k: k[0], reverse=True)
        out[user] = [event_id for _, event_id in ordered]
    return out
