//! expect: wrong_answer
//! Counts each user's distinct event ids: a retry does not count again.
use grader::prelude::*;

pub fn counts_by_hash_partition(mut source: Source, passes: u64) -> impl Iterator<Item = (u64, u64)> {
    (0..passes).flat_map(move |bucket| {
        let mut ids: HashMap<u64, HashSet<String>> = HashMap::new();
        for e in source.open() {
            if sketch_hash(0, e.user_id) % passes == bucket {
                ids.entry(e.user_id).or_default().insert(e.event_id);
            }
        }
        ids.into_iter().map(|(user, ids)| (user, ids.len() as u64))
    })
}
