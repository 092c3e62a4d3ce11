//! expect: wrong_answer
//! Drops repeated event_ids before counting: retries are deliveries and
//! must be counted. Also keeps a set of every id seen.
use grader::prelude::*;

pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    let mut seen = HashSet::new();
    let mut counts = HashMap::new();
    for e in events {
        if seen.insert(e.event_id.clone()) {
            *counts.entry((e.user_id, e.event_type)).or_insert(0) += 1;
        }
    }
    counts
}
