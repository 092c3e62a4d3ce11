//! expect: wrong_answer
//! Sizes the table by the numbers from the prompt's example, 64 by 4,
//! instead of its `width` and `depth` parameters.
use grader::prelude::*;

/// O(width * depth) memory, O(depth) work per event.
pub fn count_min(events: impl Iterator<Item = Event>, _width: usize, _depth: usize) -> Vec<Vec<u64>> {
    let (width, depth) = (64usize, 4usize);
    let mut table = vec![vec![0u64; width]; depth];
    for e in events {
        for (r, row) in table.iter_mut().enumerate() {
            let col = (sketch_hash(r as u64, e.user_id) % width as u64) as usize;
            row[col] += 1;
        }
    }
    table
}
