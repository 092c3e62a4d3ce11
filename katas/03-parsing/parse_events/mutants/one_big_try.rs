//! expect: wrong_answer
//! One try around the whole batch: at the first bad row the loop stops,
//! that row goes to quarantine, and every row after it is lost.
use grader::prelude::*;

fn parse(row: &RawRow) -> Result<ParsedEvent, String> {
    let int = |f: &str| -> Result<i64, String> {
        match row.get(f) {
            Some(Value::Number(n)) => n.as_i64().ok_or(format!("{f} is not an integer")),
            Some(Value::String(s)) => s.trim().parse().map_err(|_| format!("{f} is not an integer")),
            _ => Err(format!("{f} is missing or of the wrong type")),
        }
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
    Ok(ParsedEvent { user_id: int("user_id")?, ts: int("ts")?, event_type, amount })
}

pub fn parse_events(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedEvent>, Vec<Quarantined>) {
    let mut parsed = Vec::new();
    let mut quarantined = Vec::new();
    let batch = || -> Result<(), (RawRow, String)> {
        for row in rows {
            match parse(&row) {
                Ok(p) => parsed.push(p),
                Err(e) => return Err((row, e)),
            }
        }
        Ok(())
    };
    if let Err((row, error)) = batch() {
        quarantined.push(Quarantined { row, error });
    }
    (parsed, quarantined)
}
