//! expect: memory_exceeded
//! Walks the groups in constant memory, then pushes each winner into a Vec
//! and returns its iterator at the end: one event held per id after all.
use grader::prelude::*;

fn better(new: &Event, old: &Event) -> bool {
    new.ingested_at > old.ingested_at
        || (new.ingested_at == old.ingested_at && new.updated_by.is_some() && old.updated_by.is_none())
}

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut events = events.peekable();
    let mut winners = Vec::new();
    while let Some(mut best) = events.next() {
        while let Some(next) = events.next_if(|e| e.event_id == best.event_id) {
            if better(&next, &best) {
                best = next;
            }
        }
        winners.push(best);
    }
    winners.into_iter()
}
