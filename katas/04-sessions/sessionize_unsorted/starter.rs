use grader::prelude::*;

/// Sessions per user from events in any order; a gap > gap_seconds starts a new session.
pub fn sessionize_unsorted(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    todo!("group by user, order by ts, then sessionize")
}
