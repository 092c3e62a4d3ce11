//! expect: wrong_answer
//! Streams a changelog: emits a delivery each time it becomes the best of
//! its group, so the consumer sees the winner as early as possible. The
//! last row per event_id is right, but the rows before it are extra.
use grader::prelude::*;

fn better(new: &Event, old: &Event) -> bool {
    new.ingested_at > old.ingested_at
        || (new.ingested_at == old.ingested_at && new.updated_by.is_some() && old.updated_by.is_none())
}

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut best: Option<Event> = None;
    events.filter_map(move |e| {
        let upgrade = match &best {
            Some(b) => b.event_id != e.event_id || better(&e, b),
            None => true,
        };
        if upgrade {
            best = Some(e.clone());
            Some(e)
        } else {
            None
        }
    })
}
