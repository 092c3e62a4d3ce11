use grader::prelude::*;

/// Pass on an event only when its user's `event_type` changes; retries are never emitted and never a change.
pub fn changes_only(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    todo!("keep a little state per user: the last type emitted, and enough to know a retry");
    // Gives `impl Iterator` a concrete type until you replace it.
    std::iter::empty()
}
