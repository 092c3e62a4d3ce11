//! expect: wrong_answer
//! Cleans up as it compares: treats the text "null" in updated_by as no
//! writer, so on a tie a named retry beats an original that says "null".
use grader::prelude::*;

fn has_writer(e: &Event) -> bool {
    e.updated_by.as_deref().is_some_and(|w| w != "null")
}

fn better(new: &Event, old: &Event) -> bool {
    new.ingested_at > old.ingested_at
        || (new.ingested_at == old.ingested_at && has_writer(new) && !has_writer(old))
}

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut events = events.peekable();
    std::iter::from_fn(move || {
        let mut best = events.next()?;
        while let Some(next) = events.next_if(|e| e.event_id == best.event_id) {
            if better(&next, &best) {
                best = next;
            }
        }
        Some(best)
    })
}
