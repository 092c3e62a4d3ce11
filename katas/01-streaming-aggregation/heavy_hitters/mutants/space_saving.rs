//! expect: wrong_answer
//! Space-Saving instead of Misra-Gries: when the summary is full, the new
//! user takes over the smallest counter and adds 1 to it, and nothing is
//! decremented. Counters then overcount instead of undercount.
use grader::prelude::*;

pub fn heavy_hitters(events: impl Iterator<Item = Event>, k: usize) -> HashMap<u64, u64> {
    let mut counters: HashMap<u64, u64> = HashMap::new();
    for e in events {
        if let Some(c) = counters.get_mut(&e.user_id) {
            *c += 1;
        } else if counters.len() < k {
            counters.insert(e.user_id, 1);
        } else if let Some((victim, low)) = counters.iter().map(|(&u, &c)| (u, c)).min_by_key(|&(u, c)| (c, u)) {
            counters.remove(&victim);
            counters.insert(e.user_id, low + 1);
        }
    }
    counters
}
