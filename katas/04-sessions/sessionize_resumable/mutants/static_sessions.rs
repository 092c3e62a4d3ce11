//! expect: wrong_answer
//! Keeps the open sessions in a `static` behind a Mutex and leaves the
//! state empty: the static lives in the process, so it carries over
//! between calls as long as every hour runs in the same process. After a
//! restart it is empty, and every session that crossed the hour is lost.
use grader::prelude::*;
use std::sync::Mutex;

static OPEN: Mutex<BTreeMap<u64, Session>> = Mutex::new(BTreeMap::new());

#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {}

pub fn sessionize_chunk(
    _state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    let mut open = OPEN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut done = Vec::new();
    for e in chunk {
        match open.get_mut(&e.user_id) {
            Some(s) if e.ts - s.end_ts <= gap_seconds => {
                s.end_ts = e.ts;
                s.event_count += 1;
            }
            _ => {
                let fresh = Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 };
                done.extend(open.insert(e.user_id, fresh));
            }
        }
    }
    if last {
        done.extend(std::mem::take(&mut *open).into_values());
    }
    done
}
