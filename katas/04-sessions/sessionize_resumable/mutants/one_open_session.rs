//! expect: wrong_answer
//! The sorted kata's state machine carried over the hours: one open
//! session in the state, closed whenever the next event is another user's.
//! The users are interleaved here, so every user change cuts a session.
use grader::prelude::*;

#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {
    open: Option<Session>,
}

pub fn sessionize_chunk(
    state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    let mut done = Vec::new();
    for e in chunk {
        match &mut state.open {
            Some(s) if s.user_id == e.user_id && e.ts - s.end_ts <= gap_seconds => {
                s.end_ts = e.ts;
                s.event_count += 1;
            }
            _ => {
                done.extend(state.open.take());
                state.open = Some(Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 });
            }
        }
    }
    if last {
        done.extend(state.open.take());
    }
    done
}
