//! expect: wrong_answer
//! Calls `sketch_hash(user_id, row)` with its arguments swapped: each row
//! still gets a hash of its own, but not the one the prompt names, so the
//! cells match no other sketch of the stream.
use grader::prelude::*;

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut table = vec![vec![0u64; width]; depth];
    for e in events {
        for (r, row) in table.iter_mut().enumerate() {
            row[(sketch_hash(e.user_id, r as u64) % width as u64) as usize] += 1;
        }
    }
    table
}
