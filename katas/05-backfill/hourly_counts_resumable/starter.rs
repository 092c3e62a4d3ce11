use grader::prelude::*;

/// How many events of a user fell in one hour of event time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HourlyCount {
    pub hour_start: i64,
    pub user_id: u64,
    pub n: u64,
}

/// Everything the job carries from one chunk to the next.
#[derive(Default, Serialize, Deserialize)]
pub struct HourlyState {
    // your fields here
}

/// Feeds one chunk of events; returns the rows of the hours that became
/// final (of every hour still open when `last`).
pub fn hourly_counts_chunk(
    state: &mut HourlyState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    lateness_seconds: i64,
) -> Vec<HourlyCount> {
    todo!("carry the open hours in the state; return those the lateness has made final")
}
