use grader::prelude::*;

/// A row whose user is known, with its event type normalised.
#[derive(Serialize)]
pub struct TypedEvent {
    pub user_id: i64,
    pub event_type: Option<String>,
}

/// Every row lands in exactly one output, in input order.
pub fn normalize_event_types(rows: impl Iterator<Item = RawRow>) -> (Vec<TypedEvent>, Vec<Quarantined>) {
    todo!("read the row's version, its user id, and its event type trimmed and lowercased")
}
