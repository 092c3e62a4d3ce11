use grader::prelude::*;

/// A user's longest run of consecutive active days, and the day it starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u64,
    pub first_day: Date,
}

/// For each user with an active day: the longest run of consecutive active UTC days.
pub fn daily_streaks(events: impl Iterator<Item = Event>, min_events: u64) -> HashMap<u64, Streak> {
    todo!("find each user's active days, then the longest run of consecutive ones")
}
