//! expect: memory_exceeded
//! Counts every user exactly, then builds the sketch from the exact counts.
//! The table is right; the memory is per user, which is what the sketch is
//! there to avoid.
use grader::prelude::*;

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut exact: HashMap<u64, u64> = HashMap::new();
    for e in events {
        *exact.entry(e.user_id).or_insert(0) += 1;
    }
    let mut table = vec![vec![0u64; width]; depth];
    for (user, n) in exact {
        for (r, row) in table.iter_mut().enumerate() {
            row[(sketch_hash(r as u64, user) % width as u64) as usize] += n;
        }
    }
    table
}
