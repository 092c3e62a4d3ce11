//! expect: memory_exceeded
//! Keeps every event_id it has ever counted, with the hour it counted in,
//! in one map in the state, to be safe from any retry: right, but the
//! checkpoint grows with the stream, and every restart reads back all of it.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HourlyCount {
    pub hour_start: i64,
    pub user_id: u64,
    pub n: u64,
}

#[derive(Default, Serialize, Deserialize)]
pub struct HourlyState {
    max_ts: Option<i64>,
    seen: HashMap<String, i64>,
    open: BTreeMap<i64, BTreeMap<u64, u64>>,
}

const HOUR: i64 = 3_600;

pub fn hourly_counts_chunk(
    state: &mut HourlyState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    lateness_seconds: i64,
) -> Vec<HourlyCount> {
    for e in chunk {
        state.max_ts = Some(state.max_ts.map_or(e.ts, |m| m.max(e.ts)));
        let hour = e.ts.div_euclid(HOUR) * HOUR;
        if state.seen.insert(e.event_id, hour).is_none() {
            *state.open.entry(hour).or_default().entry(e.user_id).or_insert(0) += 1;
        }
    }
    let max_ts = state.max_ts;
    let mut done = Vec::new();
    while let Some(entry) = state.open.first_entry() {
        let end = *entry.key() + HOUR;
        if !last && max_ts.is_none_or(|m| end > m - lateness_seconds) {
            break;
        }
        let (hour_start, counts) = entry.remove_entry();
        done.extend(counts.into_iter().map(|(user_id, n)| HourlyCount { hour_start, user_id, n }));
    }
    done
}
