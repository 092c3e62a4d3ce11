use grader::prelude::*;

/// Counts per (utc_day(ts), user_id) for the days of [start - lookback, end),
/// from the events processed before `end`, written to `out`.
pub fn daily_counts_lookback(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, lookback: i64) {
    todo!("count per event day and user, then overwrite each day of the window")
}
