//! expect: wrong_answer
//! Emits an hour only when the lateness has made it final, and ignores
//! `last`: the hours still open when the input ends are never returned.
use grader::prelude::*;

/// How many events of a user fell in one hour of event time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HourlyCount {
    pub hour_start: i64,
    pub user_id: u64,
    pub n: u64,
}

/// One hour not final yet: the ids it has counted, and its count per user.
#[derive(Default, Serialize, Deserialize)]
struct OpenHour {
    ids: HashSet<String>,
    counts: BTreeMap<u64, u64>,
}

/// The greatest event time seen, and the hours it has not made final:
/// bounded by the lateness, not by the stream.
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
        // A retry has its event's ts, so it comes back to this hour, in
        // this chunk or a later one: the hour's ids are in the state.
        if hour.ids.insert(e.event_id) {
            *hour.counts.entry(e.user_id).or_insert(0) += 1;
        }
    }
    // An hour is final once no event can still fall in it: every event to
    // come has ts >= max_ts - lateness_seconds. Its ids go with it.
    let max_ts = state.max_ts;
    let mut done = Vec::new();
    while let Some(entry) = state.open.first_entry() {
        let end = *entry.key() + HOUR;
        if max_ts.is_none_or(|m| end > m - lateness_seconds) {
            break;
        }
        let (hour_start, hour) = entry.remove_entry();
        done.extend(hour.counts.into_iter().map(|(user_id, n)| HourlyCount { hour_start, user_id, n }));
    }
    done
}
