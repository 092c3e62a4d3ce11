//! expect: wrong_answer
//! Compares against the number from the prompt's example, 1800, instead of
//! its `gap_seconds` parameter: right until the gap changes.
use grader::prelude::*;

#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {
    open: HashMap<u64, Session>,
}

/// O(users) state: one open session per user.
pub fn sessionize_chunk(
    state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    let mut done = Vec::new();
    for e in chunk {
        match state.open.get_mut(&e.user_id) {
            Some(s) if e.ts - s.end_ts <= 1800 => {
                s.end_ts = e.ts;
                s.event_count += 1;
            }
            _ => {
                let fresh = Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 };
                done.extend(state.open.insert(e.user_id, fresh));
            }
        }
    }
    if last {
        done.extend(state.open.drain().map(|(_, s)| s));
    }
    done
}
