//! expect: wrong_answer
//! Tests the gap with `(1..=gap_seconds).contains(&gap)`, to "guard against
//! bad order": two events of a user with the same ts are a gap of 0 and
//! now split the session.
use grader::prelude::*;

#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {
    open: HashMap<u64, Session>,
}

pub fn sessionize_chunk(
    state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    let mut done = Vec::new();
    for e in chunk {
        match state.open.get_mut(&e.user_id) {
            Some(s) if (1..=gap_seconds).contains(&(e.ts - s.end_ts)) => {
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
