//! expect: wrong_answer
//! Sorts by ingested_at and returns everything: several rows per event_id,
//! which breaks the grain of the output.
use grader::prelude::*;

pub fn dedupe_latest(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut all: Vec<Event> = events.collect();
    all.sort_by_key(|e| e.ingested_at);
    all.into_iter()
}
