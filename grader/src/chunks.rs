//! A resumable job reads its input in chunks, one per hour of event time,
//! as an hourly scheduler hands it over. This is the one home of that
//! boundary: the Rust harness chunks by it, dekata splits a run that
//! restarts between chunks by it, and a feed marks it for a worker that
//! chunks the input itself (`protocol::FeedLine::Cut`).

/// The length of a chunk of event time.
pub const CHUNK_SECONDS: i64 = 3_600;

/// The chunk an event time falls in.
pub fn chunk_of(ts: i64) -> i64 {
    ts.div_euclid(CHUNK_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_hours_of_event_time() {
        assert_eq!(chunk_of(0), 0);
        assert_eq!(chunk_of(3_599), 0);
        assert_eq!(chunk_of(3_600), 1);
        assert_eq!(chunk_of(-1), -1);
    }
}
