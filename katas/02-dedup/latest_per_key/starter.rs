use grader::prelude::*;

/// The latest event (by ts, then ingested_at, then first seen) per (user_id, event_type).
pub fn latest_per_key(events: impl Iterator<Item = Event>) -> Vec<Event> {
    todo!("keep one event per (user_id, event_type)")
}
