//! expect: wrong_answer
//! After the decrement frees a slot, gives the new user a counter too: a
//! mix-up with Space-Saving that breaks the Misra-Gries bound.
use grader::prelude::*;

pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let mut counters: HashMap<u64, u64> = HashMap::new();
    for e in events {
        if let Some(c) = counters.get_mut(&e.user_id) {
            *c += 1;
        } else if counters.len() < k {
            counters.insert(e.user_id, 1);
        } else {
            counters.retain(|_, c| {
                *c -= 1;
                *c > 0
            });
            if counters.len() < k {
                counters.insert(e.user_id, 1);
            }
        }
    }
    counters
}
