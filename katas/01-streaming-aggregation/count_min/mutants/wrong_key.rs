//! expect: wrong_answer
//! Sketches the (user_id, event_type) pair instead of the user.
use grader::prelude::*;

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut table = vec![vec![0u64; width]; depth];
    for e in events {
        let key = e.user_id ^ (e.event_type.len() as u64) << 40;
        for (r, row) in table.iter_mut().enumerate() {
            row[(sketch_hash(r as u64, key) % width as u64) as usize] += 1;
        }
    }
    table
}
