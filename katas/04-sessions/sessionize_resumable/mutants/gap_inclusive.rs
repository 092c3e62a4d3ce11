//! expect: wrong_answer
//! Carries the open sessions correctly, but closes one at a gap of exactly
//! gap_seconds (>= where > belongs).
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
            Some(s) if e.ts - s.end_ts < gap_seconds => {
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
