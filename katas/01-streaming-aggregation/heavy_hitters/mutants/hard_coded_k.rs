//! expect: wrong_answer
//! Sizes the summary by the number from the prompt's example, 16, instead
//! of its `k` parameter: right until the product asks for another k.
use grader::prelude::*;

/// Misra-Gries: O(k) memory, O(k) work per event in the worst case.
pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let mut counters: HashMap<u64, u64> = HashMap::with_capacity(k + 1);
    for e in events {
        if let Some(c) = counters.get_mut(&e.user_id) {
            *c += 1;
        } else if counters.len() < 16 {
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
