//! expect: wrong_answer
//! Applies each change as it arrives: a plan that differs from the user's
//! current one closes it at the change's ts and opens a new version. Out of
//! order, a late change closes a version before it opened.
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

pub fn scd2_history(events: impl Iterator<Item = Event>) -> Vec<Version> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut histories: HashMap<u64, Vec<Version>> = HashMap::new();
    for e in events {
        if e.event_type == "null" || !seen.insert(e.event_id.clone()) {
            continue;
        }
        let versions = histories.entry(e.user_id).or_default();
        if versions.last().is_some_and(|v| v.value == e.event_type) {
            continue;
        }
        if let Some(open) = versions.last_mut() {
            open.valid_to = Some(e.ts);
            open.is_current = false;
        }
        versions.push(Version {
            user_id: e.user_id,
            value: e.event_type,
            valid_from: e.ts,
            valid_to: None,
            is_current: true,
        });
    }
    histories.into_values().flatten().collect()
}
