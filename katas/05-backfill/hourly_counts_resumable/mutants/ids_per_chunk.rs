//! expect: wrong_answer
//! Dedupes with a set local to the call and checkpoints only the counts:
//! a retry in the same chunk counts once, but one that arrives in a later
//! chunk, after a restart, finds the set empty and counts again.
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
    open: BTreeMap<i64, BTreeMap<u64, u64>>,
}

const HOUR: i64 = 3_600;

pub fn hourly_counts_chunk(
    state: &mut HourlyState,
    chunk: impl Iterator<Item = Event>,
    last: bool,
    lateness_seconds: i64,
) -> Vec<HourlyCount> {
    let mut seen: HashSet<String> = HashSet::new();
    for e in chunk {
        state.max_ts = Some(state.max_ts.map_or(e.ts, |m| m.max(e.ts)));
        if seen.insert(e.event_id) {
            *state.open.entry(e.ts.div_euclid(HOUR) * HOUR).or_default().entry(e.user_id).or_insert(0) += 1;
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
