//! expect: wrong_answer
//! Accepts any JSON number for user_id and ts, truncating floats: 12.5
//! becomes 12 where the rule says quarantine.
use grader::prelude::*;

fn int(row: &RawRow, f: &str) -> Result<i64, String> {
    match row.get(f) {
        Some(Value::Number(n)) => n.as_f64().map(|x| x as i64).ok_or(format!("{f} is not a number")),
        Some(Value::String(s)) => s.trim().parse().map_err(|_| format!("{f} is not an integer")),
        _ => Err(format!("{f} is missing or of the wrong type")),
    }
}

pub fn parse_events(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedEvent>, Vec<Quarantined>) {
    let mut parsed = Vec::new();
    let mut quarantined = Vec::new();
    for row in rows {
        let result = (|| -> Result<ParsedEvent, String> {
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
            Ok(ParsedEvent { user_id: int(&row, "user_id")?, ts: int(&row, "ts")?, event_type, amount })
        })();
        match result {
            Ok(p) => parsed.push(p),
            Err(error) => quarantined.push(Quarantined { row, error }),
        }
    }
    (parsed, quarantined)
}
