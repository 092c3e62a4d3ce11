use grader::prelude::*;

/// Daily counts per (utc_day(ingested_at), user_id) for days in [start, end), written to `out`.
pub fn process_range(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table) {
    todo!("count per processing day and user, then overwrite each day of the range")
}
