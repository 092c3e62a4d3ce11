//! expect: wrong_answer
//! Groups and sorts correctly, then tests the gap with
//! `(1..=gap_seconds).contains(&gap)`: two events of a user with the same
//! ts are a gap of 0 and now split the session.
use grader::prelude::*;

pub fn sessionize_unsorted(events: impl Iterator<Item = Event>, gap_seconds: i64) -> Vec<Session> {
    let mut by_user: HashMap<u64, Vec<i64>> = HashMap::new();
    for e in events {
        by_user.entry(e.user_id).or_default().push(e.ts);
    }
    let mut sessions = Vec::new();
    for (user_id, mut times) in by_user {
        times.sort_unstable();
        let mut open = Session { user_id, start_ts: times[0], end_ts: times[0], event_count: 1 };
        for &ts in &times[1..] {
            if (1..=gap_seconds).contains(&(ts - open.end_ts)) {
                open.end_ts = ts;
                open.event_count += 1;
            } else {
                sessions.push(open.clone());
                open = Session { user_id, start_ts: ts, end_ts: ts, event_count: 1 };
            }
        }
        sessions.push(open);
    }
    sessions
}
