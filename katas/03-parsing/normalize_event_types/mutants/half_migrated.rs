//! expect: wrong_answer
//! Half migrated: a version 2 row's user id is read from `userId`, but its
//! event type still from `event_type`, which it lacks: every version 2 row
//! comes out with no event type.
use grader::prelude::*;

/// A row whose user is known, with its event type normalised.
#[derive(Serialize)]
pub struct TypedEvent {
    pub user_id: i64,
    pub event_type: Option<String>,
}

/// The names a schema version gives the two fields.
struct Names {
    user_id: &'static str,
    event_type: &'static str,
}

const V1: Names = Names { user_id: "user_id", event_type: "event_type" };
const V2: Names = Names { user_id: "userId", event_type: "event_type" };

fn names(row: &RawRow) -> Result<&'static Names, String> {
    match row.get("schema_version") {
        None => Ok(&V1),
        Some(v) => match v.as_u64() {
            Some(1) => Ok(&V1),
            Some(2) => Ok(&V2),
            _ => Err(format!("schema_version {v} is not a version this job knows (1 or 2)")),
        },
    }
}

fn user_id(row: &RawRow, field: &str) -> Result<i64, String> {
    match row.get(field) {
        None => Err(format!("{field} is missing")),
        Some(v @ Value::Number(_)) => v.as_i64().ok_or_else(|| format!("{field} is not an i64 integer: {v}")),
        Some(Value::String(s)) => s.trim().parse().map_err(|_| format!("{field} is not an integer: {s:?}")),
        Some(other) => Err(format!("{field} has the wrong type: {other}")),
    }
}

/// Trimmed and lowercased; blank text and the text null are no event type.
fn event_type(row: &RawRow, field: &str) -> Result<Option<String>, String> {
    match row.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let t = s.trim().to_lowercase();
            Ok(if t.is_empty() || t == "null" { None } else { Some(t) })
        }
        Some(other) => Err(format!("{field} is not text: {other}")),
    }
}

fn parse(row: &RawRow) -> Result<TypedEvent, String> {
    let names = names(row)?;
    Ok(TypedEvent { user_id: user_id(row, names.user_id)?, event_type: event_type(row, names.event_type)? })
}

pub fn normalize_event_types(rows: impl Iterator<Item = RawRow>) -> (Vec<TypedEvent>, Vec<Quarantined>) {
    let mut parsed = Vec::new();
    let mut quarantined = Vec::new();
    for row in rows {
        match parse(&row) {
            Ok(p) => parsed.push(p),
            Err(error) => quarantined.push(Quarantined { row, error }),
        }
    }
    (parsed, quarantined)
}
