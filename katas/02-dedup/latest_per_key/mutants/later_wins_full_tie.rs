//! expect: wrong_answer
//! Ranks by (ts, ingested_at) but replaces on >=: when both are equal, the
//! record that arrived later wins, where the rule keeps the first.
use grader::prelude::*;

pub fn latest_per_key(events: impl Iterator<Item = Event>) -> Vec<Event> {
    let mut latest: HashMap<(u64, String), Event> = HashMap::new();
    for e in events {
        let key = (e.user_id, e.event_type.clone());
        match latest.get(&key) {
            Some(old) if (e.ts, e.ingested_at) < (old.ts, old.ingested_at) => {}
            _ => {
                latest.insert(key, e);
            }
        }
    }
    latest.into_values().collect()
}
