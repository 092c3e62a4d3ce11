//! expect: wrong_answer
//! Compares ts alone with a strict >: on equal ts the first record to
//! arrive stays, even when a later one was ingested after it.
use grader::prelude::*;

pub fn latest_per_key(events: impl Iterator<Item = Event>) -> Vec<Event> {
    let mut latest: HashMap<(u64, String), Event> = HashMap::new();
    for e in events {
        let key = (e.user_id, e.event_type.clone());
        match latest.get(&key) {
            Some(old) if e.ts <= old.ts => {}
            _ => {
                latest.insert(key, e);
            }
        }
    }
    latest.into_values().collect()
}
