//! expect: wrong_answer
//! Tests the gap with `(1..=gap_seconds).contains(&gap)`, to "guard against
//! bad order": two events with the same ts are a gap of 0 and now split the
//! session.
use grader::prelude::*;

pub fn sessionize(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let mut sessions = Vec::new();
    let mut open: Option<Session> = None;
    for e in events {
        match &mut open {
            Some(s) if s.user_id == e.user_id && (1..=gap_seconds).contains(&(e.ts - s.end_ts)) => {
                s.end_ts = e.ts;
                s.event_count += 1;
            }
            _ => {
                sessions.extend(open.take());
                open = Some(Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 });
            }
        }
    }
    sessions.extend(open);
    sessions
}
