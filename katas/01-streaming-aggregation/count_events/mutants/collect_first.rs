//! expect: memory_exceeded
//! The naive answer: materialise the iterator into a Vec, then count.
//! Right on five rows; holds the whole stream in memory.
use grader::prelude::*;

pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    let all: Vec<Event> = events.collect();
    let mut counts = HashMap::new();
    for e in &all {
        *counts.entry((e.user_id, e.event_type.clone())).or_insert(0) += 1;
    }
    counts
}
