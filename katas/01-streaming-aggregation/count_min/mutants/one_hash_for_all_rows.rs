//! expect: wrong_answer
//! Uses the same hash function in every row, so the rows are copies of one
//! another and the extra rows buy no accuracy.
use grader::prelude::*;

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut table = vec![vec![0u64; width]; depth];
    for e in events {
        let col = (sketch_hash(0, e.user_id) % width as u64) as usize;
        for row in table.iter_mut() {
            row[col] += 1;
        }
    }
    table
}
