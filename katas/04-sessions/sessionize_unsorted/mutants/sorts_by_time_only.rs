//! expect: wrong_answer
//! Sorts the whole stream by ts, then runs a single-user sessionizer on it:
//! the state is not keyed by user, so events of different users that are
//! close in time share one session.
use grader::prelude::*;

pub fn sessionize_unsorted(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let mut all: Vec<(i64, u64)> = events.map(|e| (e.ts, e.user_id)).collect();
    all.sort_unstable();
    let mut sessions = Vec::new();
    let mut open: Option<Session> = None;
    for (ts, user_id) in all {
        match &mut open {
            Some(s) if ts - s.end_ts <= gap_seconds => {
                s.end_ts = ts;
                s.event_count += 1;
            }
            _ => {
                sessions.extend(open.take());
                open = Some(Session { user_id, start_ts: ts, end_ts: ts, event_count: 1 });
            }
        }
    }
    sessions.extend(open);
    sessions
}
