//! expect: memory_exceeded
//! Buckets by the id as it is, `user_id % passes`: when every id is a
//! multiple of the number of passes, every user lands in bucket 0.
use grader::prelude::*;

pub fn counts_by_hash_partition(mut source: Source, passes: u64) -> impl Iterator<Item = (u64, u64)> {
    let mut bucket = 0;
    let mut current = HashMap::new().into_iter();
    std::iter::from_fn(move || {
        loop {
            if let Some(pair) = current.next() {
                return Some(pair);
            }
            if bucket == passes {
                return None;
            }
            current = HashMap::new().into_iter();
            let mut counts: HashMap<u64, u64> = HashMap::new();
            for e in source.open() {
                if e.user_id % passes == bucket {
                    *counts.entry(e.user_id).or_insert(0) += 1;
                }
            }
            current = counts.into_iter();
            bucket += 1;
        }
    })
}
