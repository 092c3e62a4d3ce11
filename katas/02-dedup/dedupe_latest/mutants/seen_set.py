# expect: wrong_answer
# The set-based answer: keep the first delivery of each id and drop the
# rest. Loses the later ingested_at that the rule asks for.


def dedupe_latest(events):
    seen = set()
    for e in events:
        if e["event_id"] not in seen:
            seen.add(e["event_id"])
            yield e
