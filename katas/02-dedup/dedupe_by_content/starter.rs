use grader::prelude::*;

/// Drop every delivery whose (user_id, event_type, ts) came before, whatever its event_id; lazily, remembering only the last `window_seconds` of ingestion time.
pub fn dedupe_by_content(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    todo!("key each delivery by its content, and forget keys the greatest ingested_at has left behind");
    // Gives `impl Iterator` a concrete type until you replace it.
    std::iter::empty()
}
