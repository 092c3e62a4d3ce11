//! expect: wrong_answer
//! Decrements every counter but never drops the ones that reach 0
//! (`saturating_sub` keeps them from underflowing): no slot is ever freed,
//! new users never get in once the summary is full, and the answer holds
//! zero counters.
use grader::prelude::*;

pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let mut counters: HashMap<u64, u64> = HashMap::new();
    for e in events {
        if let Some(c) = counters.get_mut(&e.user_id) {
            *c += 1;
        } else if counters.len() < k {
            counters.insert(e.user_id, 1);
        } else {
            for c in counters.values_mut() {
                *c = c.saturating_sub(1);
            }
        }
    }
    counters
}
