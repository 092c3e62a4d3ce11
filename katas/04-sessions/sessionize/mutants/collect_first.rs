//! expect: memory_exceeded
//! Collects the events into a Vec before walking them: right, and
//! O(events) memory for a job that needs one open session.
use grader::prelude::*;

pub fn sessionize(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let all: Vec<Event> = events.collect();
    let mut sessions: Vec<Session> = Vec::new();
    for e in &all {
        match sessions.last_mut() {
            Some(s) if s.user_id == e.user_id && e.ts - s.end_ts <= gap_seconds => {
                s.end_ts = e.ts;
                s.event_count += 1;
            }
            _ => sessions.push(Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 }),
        }
    }
    sessions
}
