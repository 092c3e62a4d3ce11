//! expect: wrong_answer
//! Hashes with the standard library's DefaultHasher, seeded by the row,
//! instead of the prelude's sketch_hash: a fine sketch on its own, but its
//! cells match no other sketch of the same stream, so it cannot be merged
//! or compared.
use grader::prelude::*;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn row_hash(row: usize, user: u64) -> u64 {
    let mut h = DefaultHasher::new();
    (row, user).hash(&mut h);
    h.finish()
}

pub fn count_min(events: impl Iterator<Item = Event>, width: usize, depth: usize) -> Vec<Vec<u64>> {
    let mut table = vec![vec![0u64; width]; depth];
    for e in events {
        for (r, row) in table.iter_mut().enumerate() {
            row[(row_hash(r, e.user_id) % width as u64) as usize] += 1;
        }
    }
    table
}
