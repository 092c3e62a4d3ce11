//! expect: memory_exceeded
//! The exact answer: a set of every user_id. Right on every stream, and
//! memory per distinct user, which is what the sketch is there to avoid.
use grader::prelude::*;

pub fn distinct_users(events: impl Iterator<Item = Event>, _p: u32) -> u64 {
    events.map(|e| e.user_id).collect::<HashSet<u64>>().len() as u64
}
