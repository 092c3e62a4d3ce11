# expect: wrong_answer
# "Cleans" the text "null" into None before comparing: the rule says the
# text "null" is a writer like any other, so ties resolve the wrong way.


def has_writer(e):
    return e["updated_by"] not in (None, "null")


def dedupe_latest(events):
    best = {}
    for e in events:
        old = best.get(e["event_id"])
        if (
            old is None
            or e["ingested_at"] > old["ingested_at"]
            or (e["ingested_at"] == old["ingested_at"] and has_writer(e) and not has_writer(old))
        ):
            best[e["event_id"]] = e
    return best.values()
