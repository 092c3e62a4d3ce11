//! expect: memory_exceeded
//! Sorts the whole stream, then keeps the last row per key: right, and
//! O(rows) memory.
use grader::prelude::*;

pub fn latest_per_key(events: impl Iterator<Item = Event>) -> Vec<Event> {
    let mut all: Vec<(usize, Event)> = events.enumerate().collect();
    // Latest first; among equals, the earliest arrival first.
    all.sort_by(|(i, a), (j, b)| (b.ts, b.ingested_at).cmp(&(a.ts, a.ingested_at)).then(i.cmp(j)));
    let mut seen = HashSet::new();
    all.into_iter().filter(|(_, e)| seen.insert((e.user_id, e.event_type.clone()))).map(|(_, e)| e).collect()
}
