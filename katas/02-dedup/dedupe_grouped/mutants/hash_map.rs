//! expect: memory_exceeded
//! The general dedupe: right answer, but it remembers every id, which the
//! grouped input makes unnecessary.
use grader::prelude::*;

pub fn dedupe_grouped(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut best: HashMap<String, Event> = HashMap::new();
    for e in events {
        match best.get(&e.event_id) {
            Some(old)
                if !(e.ingested_at > old.ingested_at
                    || (e.ingested_at == old.ingested_at && e.updated_by.is_some() && old.updated_by.is_none())) => {}
            _ => {
                best.insert(e.event_id.clone(), e);
            }
        }
    }
    best.into_values()
}
