//! expect: wrong_answer
//! Measures the event type in characters, `t.chars().count()`: a name of
//! 40 characters with accents or CJK letters is more than 64 bytes, and
//! parses where the rule quarantines it.
use grader::prelude::*;
use std::num::IntErrorKind;

const MAX_EVENT_TYPE_BYTES: usize = 64;
/// DECIMAL(18,2) holds absolute values below 10^16.
const AMOUNT_LIMIT: f64 = 1e16;
/// 2^63: the first value above the i64 range.
const I64_END: f64 = 9_223_372_036_854_775_808.0;

/// A field's value, with blank text (empty, or `null` in any case) and JSON
/// null read as missing; other text comes back trimmed.
enum Present<'a> {
    Missing,
    Text(&'a str),
    Other(&'a Value),
}

fn present<'a>(row: &'a RawRow, field: &str) -> Present<'a> {
    match row.get(field) {
        None | Some(Value::Null) => Present::Missing,
        Some(Value::String(s)) => {
            let t = s.trim();
            if t.is_empty() || t.eq_ignore_ascii_case("null") { Present::Missing } else { Present::Text(t) }
        }
        Some(v) => Present::Other(v),
    }
}

fn required_int(row: &RawRow, field: &str) -> Result<i64, String> {
    match present(row, field) {
        Present::Missing => Err(format!("{field} is missing, null or blank")),
        Present::Text(t) => t.parse::<i64>().map_err(|e| match e.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => format!("{field} overflows an i64: {t:?}"),
            _ => format!("{field} is not an integer: {t:?}"),
        }),
        Present::Other(Value::Number(n)) => {
            if let Some(i) = n.as_i64() {
                Ok(i)
            } else if n.is_u64() {
                Err(format!("{field} overflows an i64: {n}"))
            } else {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if x.fract() != 0.0 {
                    Err(format!("{field} is not a whole number: {n}"))
                } else if !(-I64_END..I64_END).contains(&x) {
                    Err(format!("{field} overflows an i64: {n}"))
                } else {
                    Ok(x as i64)
                }
            }
        }
        Present::Other(other) => Err(format!("{field} has the wrong type: {other}")),
    }
}

fn event_type(row: &RawRow) -> Result<String, String> {
    match present(row, "event_type") {
        Present::Missing => Ok("unknown".to_string()),
        Present::Text(t) if t.chars().count() > MAX_EVENT_TYPE_BYTES => {
            Err(format!("event_type is {} bytes long, more than {MAX_EVENT_TYPE_BYTES}", t.len()))
        }
        Present::Text(t) => Ok(t.to_string()),
        Present::Other(other) => Err(format!("event_type is not text: {other}")),
    }
}

fn amount(row: &RawRow) -> Result<Option<f64>, String> {
    let x = match present(row, "amount") {
        Present::Missing => return Ok(None),
        Present::Text(t) => t.parse::<f64>().map_err(|_| format!("amount is not a number: {t:?}"))?,
        Present::Other(Value::Number(n)) => n.as_f64().unwrap_or(f64::NAN),
        Present::Other(other) => return Err(format!("amount has the wrong type: {other}")),
    };
    if !x.is_finite() {
        Err(format!("amount is not a finite number: {x}"))
    } else if x.abs() >= AMOUNT_LIMIT {
        Err(format!("amount overflows DECIMAL(18,2): {x}"))
    } else {
        Ok(Some(x))
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

pub fn parse_events_lenient(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedEvent>, Vec<Quarantined>) {
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
