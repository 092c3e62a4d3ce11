//! expect: memory_exceeded
//! Counts a bucket per pass, then gathers every bucket's counts into one
//! map to return at the end: that map is every user.
use grader::prelude::*;

pub fn counts_by_hash_partition(mut source: Source, passes: u64) -> impl Iterator<Item = (u64, u64)> {
    let mut all: HashMap<u64, u64> = HashMap::new();
    for bucket in 0..passes {
        let mut counts: HashMap<u64, u64> = HashMap::new();
        for e in source.open() {
            if sketch_hash(0, e.user_id) % passes == bucket {
                *counts.entry(e.user_id).or_insert(0) += 1;
            }
        }
        all.extend(counts);
    }
    all.into_iter()
}
