use grader::prelude::*;

/// Sessions per user; input sorted by (user_id, ts); a gap > gap_seconds starts a new session.
pub fn sessionize(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    todo!("one open session, closed by a user change or a long gap")
}
