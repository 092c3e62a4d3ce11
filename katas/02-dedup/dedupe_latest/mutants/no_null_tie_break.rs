//! expect: wrong_answer
//! Compares ingested_at only: on a tie the first delivery stays even when
//! it has no updated_by and the later one has.
use grader::prelude::*;

pub fn dedupe_latest(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut best: HashMap<String, Event> = HashMap::new();
    for e in events {
        match best.get(&e.event_id) {
            Some(old) if e.ingested_at <= old.ingested_at => {}
            _ => {
                best.insert(e.event_id.clone(), e);
            }
        }
    }
    best.into_values()
}
