use grader::prelude::*;

fn better(new: &Event, old: &Event) -> bool {
    new.ingested_at > old.ingested_at
        || (new.ingested_at == old.ingested_at && new.updated_by.is_some() && old.updated_by.is_none())
}

/// A streaming group-by: holds one event, emits it when its group ends.
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
