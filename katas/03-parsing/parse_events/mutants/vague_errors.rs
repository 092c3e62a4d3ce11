//! expect: wrong_answer
//! Quarantines the right rows with the error "bad row": nobody can tell
//! which field to fix upstream.
use grader::prelude::*;

fn int(row: &RawRow, f: &str) -> Option<i64> {
    match row.get(f)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn parse(row: &RawRow) -> Option<ParsedEvent> {
    let event_type = match row.get("event_type") {
        None | Some(Value::Null) => "unknown".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return None,
    };
    let amount = match row.get("amount") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => Some(s.parse().ok()?),
        Some(_) => return None,
    };
    Some(ParsedEvent { user_id: int(row, "user_id")?, ts: int(row, "ts")?, event_type, amount })
}

pub fn parse_events(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedEvent>, Vec<Quarantined>) {
    let mut parsed = Vec::new();
    let mut quarantined = Vec::new();
    for row in rows {
        match parse(&row) {
            Some(p) => parsed.push(p),
            None => quarantined.push(Quarantined { row, error: "bad row".into() }),
        }
    }
    (parsed, quarantined)
}
