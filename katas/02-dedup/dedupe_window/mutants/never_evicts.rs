//! expect: memory_exceeded
//! Applies the watermark to deliveries but never forgets an id: the same
//! output, and a set that grows with every id the stream has ever had.
use grader::prelude::*;

pub fn dedupe_window(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    let mut max_ts = i64::MIN;
    let mut remembered: HashSet<String> = HashSet::new();
    events.filter(move |e| {
        max_ts = max_ts.max(e.ts);
        let watermark = max_ts.saturating_sub(window_seconds);
        if e.ts < watermark {
            return false;
        }
        if !remembered.insert(e.event_id.clone()) {
            return false;
        }
        true
    })
}
