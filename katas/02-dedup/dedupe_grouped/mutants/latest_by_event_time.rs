//! expect: wrong_answer
//! Reads "latest" as the greatest event time `ts` instead of `ingested_at`.
//! Every delivery of an event carries the same ts, so the comparison always
//! ties and falls through to the writer rule: a later retry never wins on
//! its ingested_at.
use grader::prelude::*;

fn better(new: &Event, old: &Event) -> bool {
    new.ts > old.ts || (new.ts == old.ts && new.updated_by.is_some() && old.updated_by.is_none())
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
