//! expect: wrong_answer
//! Compares ingested_at only: on a tie the first delivery stays, even when
//! it has no writer and the retry names one.
use grader::prelude::*;

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut events = events.peekable();
    std::iter::from_fn(move || {
        let mut best = events.next()?;
        while let Some(next) = events.next_if(|e| e.event_id == best.event_id) {
            if next.ingested_at > best.ingested_at {
                best = next;
            }
        }
        Some(best)
    })
}
