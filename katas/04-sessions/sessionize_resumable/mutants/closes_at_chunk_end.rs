//! expect: wrong_answer
//! Treats every chunk as the whole input: closes every session at the end
//! of the hour, splitting sessions that cross it.
use grader::prelude::*;

#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {}

pub fn sessionize_chunk(
    state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    let mut open: HashMap<u64, Session> = HashMap::new();
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
    done.extend(open.into_values());
    done
}
