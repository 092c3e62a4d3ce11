use grader::prelude::*;

/// For each user, the `n` newest events' ids, newest first, in O(users x n) memory.
pub fn top_n_per_key(events: impl Iterator<Item = Event>, n: usize) -> HashMap<u64, Vec<String>> {
    todo!("keep at most n events per user")
}
