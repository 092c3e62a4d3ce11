use grader::prelude::*;

/// The exact answer the estimate is graded against: a set of every user_id,
/// memory per distinct user.
pub fn distinct_users(events: impl Iterator<Item = Event>, _p: u32) -> u64 {
    let users: HashSet<u64> = events.map(|e| e.user_id).collect();
    users.len() as u64
}
