//! expect: wrong_answer
//! Summarises (user_id, event_type) pairs and adds them up per user: the
//! wrong key for the summary.
use grader::prelude::*;

pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let mut counters: HashMap<(u64, String), u64> = HashMap::new();
    for e in events {
        let key = (e.user_id, e.event_type);
        if let Some(c) = counters.get_mut(&key) {
            *c += 1;
        } else if counters.len() < k {
            counters.insert(key, 1);
        } else {
            counters.retain(|_, c| {
                *c -= 1;
                *c > 0
            });
        }
    }
    let mut per_user = HashMap::new();
    for ((user, _), c) in counters {
        *per_user.entry(user).or_insert(0) += c;
    }
    per_user
}
