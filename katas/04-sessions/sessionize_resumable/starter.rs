use grader::prelude::*;

/// Everything the sessionizer carries from one chunk to the next.
#[derive(Default, Serialize, Deserialize)]
pub struct SessionState {
    // your fields here
}

/// Feeds one hour of events; returns the sessions that are over (all of the open ones when `last`).
pub fn sessionize_chunk(
    state: &mut SessionState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    gap_seconds: i64,
) -> Vec<Session> {
    todo!("carry open sessions in the state; emit those that are over")
}
