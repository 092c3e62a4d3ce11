//! expect: wrong_answer
//! Compares against the number from the prompt's example, 1800, instead of
//! its `gap_seconds` parameter: right until the gap changes.
use grader::prelude::*;

/// O(n) memory (the input must be ordered), O(n log n) time.
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
            if open.event_count > 0 && ts - open.end_ts > 1800 {
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
