//! expect: memory_exceeded
//! Counts every user on one pass: the right counts, and every user in
//! memory at once.
use grader::prelude::*;

pub fn counts_by_hash_partition(mut source: Source, _passes: u64) -> impl Iterator<Item = (u64, u64)> {
    let mut counts: HashMap<u64, u64> = HashMap::new();
    for e in source.open() {
        *counts.entry(e.user_id).or_insert(0) += 1;
    }
    counts.into_iter()
}
