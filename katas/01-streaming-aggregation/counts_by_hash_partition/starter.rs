use grader::prelude::*;

/// Every user's event count, one bucket of users per pass over `source`.
pub fn counts_by_hash_partition(source: Source, passes: u64) -> impl Iterator<Item = (u64, u64)> {
    todo!("split the users into {passes} buckets by a hash of the id, and count one bucket per pass");
    // Replace these lines: the return type needs a concrete iterator.
    let _ = source;
    std::iter::empty()
}
