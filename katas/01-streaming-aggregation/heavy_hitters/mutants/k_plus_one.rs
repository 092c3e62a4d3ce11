//! expect: wrong_answer
//! Off by one at the capacity check: `<= k` lets a (k+1)-th counter in, so
//! the summary decrements later than Misra-Gries does and its counters come
//! out different.
use grader::prelude::*;

pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let mut counters: HashMap<u64, u64> = HashMap::new();
    for e in events {
        if let Some(c) = counters.get_mut(&e.user_id) {
            *c += 1;
        } else if counters.len() <= k {
            counters.insert(e.user_id, 1);
        } else {
            counters.retain(|_, c| {
                *c -= 1;
                *c > 0
            });
        }
    }
    counters
}
