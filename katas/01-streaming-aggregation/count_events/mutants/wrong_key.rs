//! expect: wrong_answer
//! Groups by user only, filing every event under the first type seen for
//! that user: the wrong grain.
use grader::prelude::*;

pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    let mut first_type: HashMap<u64, String> = HashMap::new();
    let mut counts = HashMap::new();
    for e in events {
        let t = first_type.entry(e.user_id).or_insert(e.event_type).clone();
        *counts.entry((e.user_id, t)).or_insert(0) += 1;
    }
    counts
}
