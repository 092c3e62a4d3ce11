//! expect: wrong_answer
//! Emits the first delivery of each group: constant memory, wrong row.
use grader::prelude::*;

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut events = events.peekable();
    std::iter::from_fn(move || {
        let first = events.next()?;
        while events.next_if(|e| e.event_id == first.event_id).is_some() {}
        Some(first)
    })
}
