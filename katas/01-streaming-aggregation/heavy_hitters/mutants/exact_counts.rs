//! expect: memory_exceeded
//! Keeps an exact count per user "to double-check" beside a correct
//! summary: the answer is right, the memory is per distinct user.
use grader::prelude::*;

pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let mut exact: HashMap<u64, u64> = HashMap::new();
    let mut counters: HashMap<u64, u64> = HashMap::new();
    for e in events {
        *exact.entry(e.user_id).or_insert(0) += 1;
        if let Some(c) = counters.get_mut(&e.user_id) {
            *c += 1;
        } else if counters.len() < k {
            counters.insert(e.user_id, 1);
        } else {
            counters.retain(|_, c| {
                *c -= 1;
                *c > 0
            });
        }
    }
    std::hint::black_box(&exact);
    counters
}
