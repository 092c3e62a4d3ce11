//! expect: wrong_answer
//! Emits a group only when the next one starts, and forgets the group that
//! is still open when the input ends.
use grader::prelude::*;

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut events = events;
    let mut current: Option<Event> = None;
    std::iter::from_fn(move || {
        for e in events.by_ref() {
            match current.take() {
                Some(best) if best.event_id == e.event_id => {
                    let take_new = e.ingested_at > best.ingested_at
                        || (e.ingested_at == best.ingested_at && e.updated_by.is_some() && best.updated_by.is_none());
                    current = Some(if take_new { e } else { best });
                }
                Some(best) => {
                    current = Some(e);
                    return Some(best);
                }
                None => current = Some(e),
            }
        }
        None
    })
}
