//! expect: wrong_answer
//! Builds the table lazily when the first event arrives, so an empty
//! stream yields an empty Vec instead of a table of zeros.
use grader::prelude::*;

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut table: Vec<Vec<u64>> = Vec::new();
    for e in events {
        if table.is_empty() {
            table = vec![vec![0u64; width]; depth];
        }
        for (r, row) in table.iter_mut().enumerate() {
            row[(sketch_hash(r as u64, e.user_id) % width as u64) as usize] += 1;
        }
    }
    table
}
