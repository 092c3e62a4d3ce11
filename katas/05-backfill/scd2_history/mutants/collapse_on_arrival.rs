//! expect: wrong_answer
//! Drops a change as it arrives when its plan equals the user's last
//! arrival: out of order, that is not the plan before it in ts.
use grader::prelude::*;

/// One version of a user's plan: it holds from `valid_from` up to, not
/// including, `valid_to`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub user_id: u64,
    pub value: String,
    pub valid_from: i64,
    /// The next version's `valid_from`; `None` for the current version.
    pub valid_to: Option<i64>,
    pub is_current: bool,
}

/// One change at one instant: its id, the smallest `ingested_at` of its
/// deliveries, and the plan it sets.
struct Change {
    event_id: String,
    ingested_at: i64,
    value: String,
}

/// Every change is kept until the input ends, because a late one can land
/// between any two instants: memory grows with the history, as the output
/// does. A retry repeats its original's user and ts, so it meets the
/// original in the same instant and merges there.
pub fn scd2_history(events: impl Iterator<Item = Event>) -> Vec<Version> {
    let mut changes: HashMap<u64, BTreeMap<i64, Vec<Change>>> = HashMap::new();
    let mut last_arrived: HashMap<u64, String> = HashMap::new();
    for e in events {
        // "null": the upstream did not know the plan. Not a change.
        if e.event_type == "null" {
            continue;
        }
        if last_arrived.get(&e.user_id) == Some(&e.event_type) {
            continue;
        }
        last_arrived.insert(e.user_id, e.event_type.clone());
        let at = changes.entry(e.user_id).or_default().entry(e.ts).or_default();
        match at.iter_mut().find(|c| c.event_id == e.event_id) {
            Some(c) => c.ingested_at = c.ingested_at.min(e.ingested_at),
            None => at.push(Change { event_id: e.event_id, ingested_at: e.ingested_at, value: e.event_type }),
        }
    }
    let mut out = Vec::new();
    for (user_id, instants) in changes {
        let mut versions: Vec<Version> = Vec::new();
        for (ts, at) in instants {
            // The change that holds at this instant.
            let Some(winner) =
                at.into_iter().max_by(|a, b| (a.ingested_at, &a.event_id).cmp(&(b.ingested_at, &b.event_id)))
            else {
                continue;
            };
            if versions.last().is_some_and(|v| v.value == winner.value) {
                continue;
            }
            if let Some(open) = versions.last_mut() {
                open.valid_to = Some(ts);
                open.is_current = false;
            }
            versions.push(Version { user_id, value: winner.value, valid_from: ts, valid_to: None, is_current: true });
        }
        out.extend(versions);
    }
    out
}
