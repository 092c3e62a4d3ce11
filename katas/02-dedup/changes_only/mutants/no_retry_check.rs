//! expect: wrong_answer
//! Suppresses consecutive duplicates per user and nothing more: a retry
//! that arrives after the status moved on looks like a change, and comes
//! out a second time.
use grader::prelude::*;

pub fn changes_only(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut last: HashMap<u64, String> = HashMap::new();
    events.filter(move |e| {
        if last.get(&e.user_id) == Some(&e.event_type) {
            return false;
        }
        last.insert(e.user_id, e.event_type.clone());
        true
    })
}
