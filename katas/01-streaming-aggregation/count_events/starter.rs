use grader::prelude::*;

/// Counts the events of each (user_id, event_type) pair, reading the stream once.
pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    todo!("count each (user_id, event_type) without collecting the stream")
}
