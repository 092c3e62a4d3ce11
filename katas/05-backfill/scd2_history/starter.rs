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

/// The type-2 history of each user's plan, built from a stream of changes
/// delivered at least once and out of order.
pub fn scd2_history(events: impl Iterator<Item = Event>) -> Vec<Version> {
    todo!("per user, the changes keyed by ts; then walk each user's instants in ts order")
}
