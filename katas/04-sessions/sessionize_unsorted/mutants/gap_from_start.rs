//! expect: wrong_answer
//! Groups and sorts correctly, then measures the gap from the session's
//! start instead of from the previous event: long sessions are cut.
use grader::prelude::*;

pub fn sessionize_unsorted(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let mut by_user: HashMap<u64, Vec<i64>> = HashMap::new();
    for e in events {
        by_user.entry(e.user_id).or_default().push(e.ts);
    }
    let mut sessions = Vec::new();
    for (user_id, mut times) in by_user {
        times.sort_unstable();
        let mut open = Session { user_id, start_ts: times[0], end_ts: times[0], event_count: 0 };
        for ts in times {
            if ts - open.start_ts > gap_seconds {
                sessions.push(open.clone());
                open = Session { user_id, start_ts: ts, end_ts: ts, event_count: 0 };
            }
            open.end_ts = ts;
            open.event_count += 1;
        }
        sessions.push(open);
    }
    sessions
}
