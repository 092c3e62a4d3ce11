//! expect: wrong_answer
//! Looks only at the time gap: consecutive users whose events are close in
//! time end up in one session, under the first user's id.
use grader::prelude::*;

pub fn sessionize(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let mut sessions = Vec::new();
    let mut open: Option<Session> = None;
    for e in events {
        match &mut open {
            Some(s) if (e.ts - s.end_ts).abs() <= gap_seconds => {
                s.end_ts = s.end_ts.max(e.ts);
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
