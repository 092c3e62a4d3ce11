//! expect: panicked
//! Always makes eight passes, whatever the budget says.
use grader::prelude::*;

pub fn counts_by_hash_partition(mut source: Source, _passes: u64) -> impl Iterator<Item = (u64, u64)> {
    (0..8u64).flat_map(move |bucket| {
        let mut counts: HashMap<u64, u64> = HashMap::new();
        for e in source.open() {
            if sketch_hash(0, e.user_id) % 8 == bucket {
                *counts.entry(e.user_id).or_insert(0) += 1;
            }
        }
        counts.into_iter()
    })
}
