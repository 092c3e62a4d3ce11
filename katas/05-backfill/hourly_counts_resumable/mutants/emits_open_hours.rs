//! expect: wrong_answer
//! Returns the counts so far of every hour at the end of each chunk, so
//! that the consumer is never behind: an hour that spans three chunks comes
//! out three times, with three different counts.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HourlyCount {
    pub hour_start: i64,
    pub user_id: u64,
    pub n: u64,
}

#[derive(Default, Serialize, Deserialize)]
struct OpenHour {
    ids: HashSet<String>,
    counts: BTreeMap<u64, u64>,
}

#[derive(Default, Serialize, Deserialize)]
pub struct HourlyState {
    max_ts: Option<i64>,
    open: BTreeMap<i64, OpenHour>,
}

const HOUR: i64 = 3_600;

pub fn hourly_counts_chunk(
    state: &mut HourlyState,
    chunk: impl Iterator<Item = Event>,
    _last: bool,
    lateness_seconds: i64,
) -> Vec<HourlyCount> {
    for e in chunk {
        state.max_ts = Some(state.max_ts.map_or(e.ts, |m| m.max(e.ts)));
        let hour = state.open.entry(e.ts.div_euclid(HOUR) * HOUR).or_default();
        if hour.ids.insert(e.event_id) {
            *hour.counts.entry(e.user_id).or_insert(0) += 1;
        }
    }
    let mut done = Vec::new();
    for (&hour_start, hour) in &state.open {
        done.extend(hour.counts.iter().map(|(&user_id, &n)| HourlyCount { hour_start, user_id, n }));
    }
    if let Some(m) = state.max_ts {
        state.open.retain(|&start, _| start + HOUR > m - lateness_seconds);
    }
    done
}
