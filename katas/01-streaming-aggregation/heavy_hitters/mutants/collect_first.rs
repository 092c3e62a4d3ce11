//! expect: memory_exceeded
//! Right algorithm, wrong memory: collects the stream before summarising.
use grader::prelude::*;

pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let all: Vec<Event> = events.collect();
    let mut counters: HashMap<u64, u64> = HashMap::new();
    for e in &all {
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
    counters
}
