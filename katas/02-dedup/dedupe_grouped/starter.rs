use grader::prelude::*;

/// The input is grouped by event_id. Emit each group's best event, lazily, in O(1) extra memory.
pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    todo!("walk the groups, holding only the current best");
    // Gives `impl Iterator` a concrete type until you replace it.
    std::iter::empty()
}
