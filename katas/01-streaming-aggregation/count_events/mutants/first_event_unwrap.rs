//! expect: panicked
//! Reads the first event with `unwrap()` to set things up: fine on every
//! real day of data, a panic on the first empty partition.
use grader::prelude::*;

pub fn count_events(mut events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    let first = events.next().unwrap();
    let mut counts = HashMap::new();
    counts.insert((first.user_id, first.event_type), 1);
    for e in events {
        *counts.entry((e.user_id, e.event_type)).or_insert(0) += 1;
    }
    counts
}
