//! expect: wrong_answer
//! Groups the quarantine by the field at fault, for a tidier report: every
//! row lands in the right list, but the quarantined rows come out field by
//! field instead of in input order.
use grader::prelude::*;

fn required_int(row: &RawRow, field: &str) -> Result<i64, String> {
    match row.get(field) {
        None => Err(format!("{field} is missing")),
        Some(Value::Number(n)) => n.as_i64().ok_or_else(|| format!("{field} is not an i64 integer: {n}")),
        Some(Value::String(s)) => s.trim().parse().map_err(|_| format!("{field} is not an integer: {s:?}")),
        Some(other) => Err(format!("{field} has the wrong type: {other}")),
    }
}

fn event_type(row: &RawRow) -> Result<String, String> {
    match row.get("event_type") {
        None | Some(Value::Null) => Ok("unknown".to_string()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("event_type is not a string: {other}")),
    }
}

fn amount(row: &RawRow) -> Result<Option<f64>, String> {
    match row.get("amount") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(Value::String(s)) => s.parse().map(Some).map_err(|_| format!("amount is not a number: {s:?}")),
        Some(other) => Err(format!("amount has the wrong type: {other}")),
    }
}

fn parse(row: &RawRow) -> Result<ParsedEvent, String> {
    Ok(ParsedEvent {
        user_id: required_int(row, "user_id")?,
        ts: required_int(row, "ts")?,
        event_type: event_type(row)?,
        amount: amount(row)?,
    })
}

pub fn parse_events(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedEvent>, Vec<Quarantined>) {
    let mut parsed = Vec::new();
    let mut by_field: BTreeMap<String, Vec<Quarantined>> = BTreeMap::new();
    for row in rows {
        match parse(&row) {
            Ok(p) => parsed.push(p),
            Err(error) => {
                let field = error.split(' ').next().unwrap_or_default().to_string();
                by_field.entry(field).or_default().push(Quarantined { row, error });
            }
        }
    }
    (parsed, by_field.into_values().flatten().collect())
}
