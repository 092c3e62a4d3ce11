//! expect: wrong_answer
//! Gathers each group (a few deliveries) and takes
//! `max_by_key(|e| (e.ingested_at, e.updated_by.is_some()))`. On equal keys
//! `Iterator::max_by_key` returns the LAST maximum, so a full tie goes to
//! the latest arrival where the rule keeps the first.
use grader::prelude::*;

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut events = events.peekable();
    std::iter::from_fn(move || {
        let first = events.next()?;
        let id = first.event_id.clone();
        let mut group = vec![first];
        while let Some(next) = events.next_if(|e| e.event_id == id) {
            group.push(next);
        }
        group.into_iter().max_by_key(|e| (e.ingested_at, e.updated_by.is_some()))
    })
}
