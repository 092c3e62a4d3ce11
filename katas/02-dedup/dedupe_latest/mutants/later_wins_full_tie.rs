//! expect: wrong_answer
//! Uses >= where > belongs: on a full tie the later delivery replaces the
//! first, which the rule forbids.
use grader::prelude::*;

fn rank(e: &Event) -> (i64, bool) {
    (e.ingested_at, e.updated_by.is_some())
}

pub fn dedupe_latest(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut best: HashMap<String, Event> = HashMap::new();
    for e in events {
        match best.get(&e.event_id) {
            Some(old) if rank(&e) < rank(old) => {}
            _ => {
                best.insert(e.event_id.clone(), e);
            }
        }
    }
    best.into_values()
}
