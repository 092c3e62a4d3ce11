//! expect: panicked
//! Trusts the types: `as_i64().unwrap()` and friends. Fine on clean rows,
//! a panic on the first row with a float, a boolean or an object.
use grader::prelude::*;

pub fn parse_events(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedEvent>, Vec<Quarantined>) {
    let mut parsed = Vec::new();
    let mut quarantined = Vec::new();
    for row in rows {
        let (Some(u), Some(t)) = (row.get("user_id"), row.get("ts")) else {
            quarantined.push(Quarantined { row, error: "user_id or ts is missing".into() });
            continue;
        };
        if u.is_null() || t.is_null() || u == "null" || t == "null" || u == "" || t == "" {
            quarantined.push(Quarantined { row, error: "user_id or ts is null".into() });
            continue;
        }
        let int = |v: &Value| match v {
            Value::String(s) => s.trim().parse::<i64>().expect("numeric text"),
            v => v.as_i64().unwrap(),
        };
        let event_type = match row.get("event_type") {
            None | Some(Value::Null) => "unknown".to_string(),
            Some(v) => v.as_str().unwrap().to_string(),
        };
        let amount = match row.get("amount") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.parse().unwrap()),
            Some(v) => Some(v.as_f64().unwrap()),
        };
        parsed.push(ParsedEvent { user_id: int(u), ts: int(t), event_type, amount });
    }
    (parsed, quarantined)
}
