//! A resumable job reads its input in chunks, one per hour of event time,
//! as an hourly scheduler hands it over. This is the one home of that
//! boundary: the Rust harness chunks by it, dekata splits a run that
//! restarts between chunks by it, and a feed marks it for a worker that
//! chunks the input itself (`protocol::FeedLine::Cut`).

use crate::worker::Record;

/// The length of a chunk of event time.
pub const CHUNK_SECONDS: i64 = 3_600;

/// The chunk an event time falls in.
pub fn chunk_of(ts: i64) -> i64 {
    ts.div_euclid(CHUNK_SECONDS)
}

/// The chunk a record falls in (records that are not events have no time,
/// and stay together).
pub fn chunk_of_record(record: &Record) -> i64 {
    match record {
        Record::Event(e) => chunk_of(e.ts),
        Record::Row(_) | Record::Table(_) => 0,
    }
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
