//! expect: memory_exceeded
//! Keeps every event in a process-wide buffer instead of the state: it
//! survives the harness's checkpoints (same process), but it grows with the
//! stream, and a real restart would lose it.
use grader::prelude::*;
use std::sync::Mutex;

static SEEN: Mutex<Vec<(u64, i64)>> = Mutex::new(Vec::new());

#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {}

pub fn sessionize_chunk(
    state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    let mut seen = SEEN.lock().unwrap();
    seen.extend(chunk.map(|e| (e.user_id, e.ts)));
    if !last {
        return Vec::new();
    }
    let mut open: HashMap<u64, Session> = HashMap::new();
    let mut done = Vec::new();
    for (user_id, ts) in seen.drain(..) {
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
