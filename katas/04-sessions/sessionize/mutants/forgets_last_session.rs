//! expect: wrong_answer
//! Pushes a session only when the next one starts: the last is lost.
use grader::prelude::*;

pub fn sessionize(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let mut sessions = Vec::new();
    let mut open: Option<Session> = None;
    for e in events {
        match &mut open {
            Some(s) if s.user_id == e.user_id && e.ts - s.end_ts <= gap_seconds => {
                s.end_ts = e.ts;
                s.event_count += 1;
            }
            _ => {
                sessions.extend(open.take());
                open = Some(Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 });
            }
        }
    }
    sessions
}
