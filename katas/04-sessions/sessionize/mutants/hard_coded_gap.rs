//! expect: wrong_answer
//! Compares against the number from the prompt's example, 1800, instead of
//! its `gap_seconds` parameter: right until the gap changes.
use grader::prelude::*;

/// One pass, one open session.
pub fn sessionize(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let mut sessions = Vec::new();
    let mut open: Option<Session> = None;
    for e in events {
        match &mut open {
            Some(s) if s.user_id == e.user_id && e.ts - s.end_ts <= 1800 => {
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
