//! expect: wrong_answer
//! The set-based answer: keep the first delivery of each id and drop the
//! rest. Loses the later ingested_at that the rule asks for.
use grader::prelude::*;

pub fn dedupe_latest(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for e in events {
        if seen.insert(e.event_id.clone()) {
            out.push(e);
        }
    }
    out.into_iter()
}
