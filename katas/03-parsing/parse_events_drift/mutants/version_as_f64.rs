//! expect: wrong_answer
//! Reads the version with `as_f64()`, so that any number will do: 2.0 is
//! read as version 2 and its row parses, where the rule quarantines every
//! version that is not the JSON integer 1 or 2.
use grader::prelude::*;

/// The names a schema version gives the four fields of a `ParsedEvent`.
struct Names {
    user_id: &'static str,
    ts: &'static str,
    event_type: &'static str,
    amount: &'static str,
    /// Version 2 carries the amount as whole cents.
    in_cents: bool,
}

const V1: Names = Names { user_id: "user_id", ts: "ts", event_type: "event_type", amount: "amount", in_cents: false };
const V2: Names =
    Names { user_id: "userId", ts: "event_time", event_type: "type", amount: "amount_cents", in_cents: true };

fn names(row: &RawRow) -> Result<&'static Names, String> {
    match row.get("schema_version") {
        None => Ok(&V1),
        Some(v) => match v.as_f64() {
            Some(x) if x == 1.0 => Ok(&V1),
            Some(x) if x == 2.0 => Ok(&V2),
            _ => Err(format!("schema_version {v} is not a version this job knows (1 or 2)")),
        },
    }
}

fn int(value: &Value, field: &str) -> Result<i64, String> {
    match value {
        Value::Number(n) => n.as_i64().ok_or_else(|| format!("{field} is not an i64 integer: {n}")),
        Value::String(s) => s.trim().parse().map_err(|_| format!("{field} is not an integer: {s:?}")),
        other => Err(format!("{field} has the wrong type: {other}")),
    }
}

fn required_int(row: &RawRow, field: &str) -> Result<i64, String> {
    match row.get(field) {
        None => Err(format!("{field} is missing")),
        Some(v) => int(v, field),
    }
}

fn event_type(row: &RawRow, field: &str) -> Result<String, String> {
    match row.get(field) {
        None | Some(Value::Null) => Ok("unknown".to_string()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("{field} is not a string: {other}")),
    }
}

fn amount(row: &RawRow, names: &Names) -> Result<Option<f64>, String> {
    let field = names.amount;
    match row.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) if names.in_cents => int(v, field).map(|cents| Some(cents as f64 / 100.0)),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(Value::String(s)) => s.parse().map(Some).map_err(|_| format!("{field} is not a number: {s:?}")),
        Some(other) => Err(format!("{field} has the wrong type: {other}")),
    }
}

fn parse(row: &RawRow) -> Result<ParsedEvent, String> {
    let names = names(row)?;
    Ok(ParsedEvent {
        user_id: required_int(row, names.user_id)?,
        ts: required_int(row, names.ts)?,
        event_type: event_type(row, names.event_type)?,
        amount: amount(row, names)?,
    })
}

pub fn parse_events_drift(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedEvent>, Vec<Quarantined>) {
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
