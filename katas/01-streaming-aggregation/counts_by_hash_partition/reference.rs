use grader::prelude::*;

/// The users of one bucket, counted on one pass over the source.
fn count_bucket(pass: Pass, bucket: u64, passes: u64) -> HashMap<u64, u64> {
    let mut counts = HashMap::new();
    for e in pass {
        if sketch_hash(0, e.user_id) % passes == bucket {
            *counts.entry(e.user_id).or_insert(0) += 1;
        }
    }
    counts
}

/// One pass per bucket of a hash partition: only that bucket's users are
/// held, and they are handed out before the next pass opens.
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
            // The spent bucket goes before the next one is counted.
            current = HashMap::new().into_iter();
            current = count_bucket(source.open(), bucket, passes).into_iter();
            bucket += 1;
        }
    })
}
