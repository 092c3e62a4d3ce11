//! expect: memory_exceeded
//! The content key, right, in a set that never forgets: the same output,
//! and a set that grows with every event the stream has ever had.
use grader::prelude::*;

pub fn dedupe_by_content(events: impl Iterator<Item = Event>, _window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut seen: HashSet<(u64, String, i64)> = HashSet::new();
    events.filter(move |e| seen.insert((e.user_id, e.event_type.clone(), e.ts)))
}
