use grader::prelude::*;

/// For each (utc_day(ts), user_id) with day in [start, end): the number of
/// distinct event types, written to `out`.
pub fn daily_distinct_types(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    todo!("gather each user's types per event day, then overwrite each day of the range")
}
