//! expect: memory_exceeded
//! Checkpoints every event it has seen and sessionizes them all at the
//! end: right on a short stream, but the state grows with the stream, and
//! every checkpoint writes more than the last.
use grader::prelude::*;

#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {
    seen: Vec<(u64, i64)>,
}

pub fn sessionize_chunk(
    state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    state.seen.extend(chunk.map(|e| (e.user_id, e.ts)));
    if !last {
        return Vec::new();
    }
    let mut open: HashMap<u64, Session> = HashMap::new();
    let mut done = Vec::new();
    for &(user_id, ts) in &state.seen {
        match open.get_mut(&user_id) {
            Some(s) if ts - s.end_ts <= gap_seconds => {
                s.end_ts = ts;
                s.event_count += 1;
            }
            _ => done.extend(open.insert(user_id, Session { user_id, start_ts: ts, end_ts: ts, event_count: 1 })),
        }
    }
    done.extend(open.into_values());
    done
}
