//! expect: wrong_answer
//! Numbers its passes from one: the users of bucket 0 are never counted.
use grader::prelude::*;

pub fn counts_by_hash_partition(mut source: Source, passes: u64) -> impl Iterator<Item = (u64, u64)> {
    (1..=passes).flat_map(move |bucket| {
        let mut counts: HashMap<u64, u64> = HashMap::new();
        for e in source.open() {
            if sketch_hash(0, e.user_id) % passes == bucket {
                *counts.entry(e.user_id).or_insert(0) += 1;
            }
        }
        counts.into_iter()
    })
}
