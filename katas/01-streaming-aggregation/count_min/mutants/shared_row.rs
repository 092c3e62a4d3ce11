//! expect: wrong_answer
//! Mixes Count-Min up with a counting Bloom filter: all `depth` hashes land
//! in one shared row of counters, returned `depth` times. Every row then
//! holds every row's increments.
use grader::prelude::*;

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut counters = vec![0u64; width];
    for e in events {
        for r in 0..depth {
            counters[(sketch_hash(r as u64, e.user_id) % width as u64) as usize] += 1;
        }
    }
    vec![counters; depth]
}
