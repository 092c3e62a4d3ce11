//! expect: wrong_answer
//! Fills a missing or null user_id or ts with 0 where the rule says both
//! are required and the row quarantines.
use grader::prelude::*;

fn required_int(row: &RawRow, field: &str) -> Result<i64, String> {
    match row.get(field) {
        None | Some(Value::Null) => Ok(0),
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
    let mut quarantined = Vec::new();
    for row in rows {
        match parse(&row) {
            Ok(p) => parsed.push(p),
            Err(error) => quarantined.push(Quarantined { row, error }),
        }
    }
    (parsed, quarantined)
}
