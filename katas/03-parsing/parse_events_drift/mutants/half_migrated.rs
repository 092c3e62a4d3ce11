//! expect: wrong_answer
//! Half migrated: version 2 rows are read by `userId` and `event_time`
//! (without them every row quarantined, which someone noticed), but
//! `event_type` and `amount` keep their version 1 names. A version 2 row has
//! neither, so it parses without complaint as "unknown" with no amount.
use grader::prelude::*;

fn required_int(row: &RawRow, field: &str) -> Result<i64, String> {
    match row.get(field) {
        None => Err(format!("{field} is missing")),
        Some(Value::Number(n)) => n.as_i64().ok_or_else(|| format!("{field} is not an i64 integer")),
        Some(Value::String(s)) => s.trim().parse().map_err(|_| format!("{field} is not an integer")),
        Some(_) => Err(format!("{field} has the wrong type")),
    }
}

fn parse(row: &RawRow) -> Result<ParsedEvent, String> {
    let (user_field, ts_field) = match row.get("schema_version") {
        None => ("user_id", "ts"),
        Some(v) if v == 1 => ("user_id", "ts"),
        Some(v) if v == 2 => ("userId", "event_time"),
        Some(v) => return Err(format!("schema_version {v} is unknown")),
    };
    let event_type = match row.get("event_type") {
        None | Some(Value::Null) => "unknown".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("event_type is not a string".into()),
    };
    let amount = match row.get("amount") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => Some(s.parse().map_err(|_| "amount is not a number".to_string())?),
        Some(_) => return Err("amount has the wrong type".into()),
    };
    Ok(ParsedEvent {
        user_id: required_int(row, user_field)?,
        ts: required_int(row, ts_field)?,
        event_type,
        amount,
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
