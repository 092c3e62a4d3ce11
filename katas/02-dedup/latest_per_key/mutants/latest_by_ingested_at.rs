//! expect: wrong_answer
//! Reads "latest" as the most recently ingested: ranks by (ingested_at, ts).
//! A late record (old event time, ingested today) beats a newer event that
//! was ingested a little earlier.
use grader::prelude::*;

pub fn latest_per_key(events: impl Iterator<Item = Event>) -> Vec<Event> {
    let mut latest: HashMap<(u64, String), Event> = HashMap::new();
    for e in events {
        let key = (e.user_id, e.event_type.clone());
        match latest.get(&key) {
            Some(old) if (e.ingested_at, e.ts) <= (old.ingested_at, old.ts) => {}
            _ => {
                latest.insert(key, e);
            }
        }
    }
    latest.into_values().collect()
}
