//! expect: wrong_answer
//! Reads an integer too large for an i64 as an f64 and casts it with `as`,
//! which saturates: 18446744073709551615 dollars become i64::MAX cents
//! instead of a quarantine.
use grader::prelude::*;

/// One row's money, in whole cents.
#[derive(Serialize)]
pub struct ParsedAmount {
    pub amount_cents: Option<i64>,
}

/// The bounds of an `i64` as `f64`: a rounded float in `[LOW, HIGH)` casts exactly.
const LOW: f64 = -9_223_372_036_854_775_808.0;
const HIGH: f64 = 9_223_372_036_854_775_808.0;

/// The text null, in any letter case, with spaces around or not.
fn is_null_text(s: &str) -> bool {
    s.trim().eq_ignore_ascii_case("null")
}

/// The cents a field holds; `per_unit` is 100 for dollars, 1 for cents.
fn cents(row: &RawRow, field: &str, per_unit: i64) -> Result<Option<i64>, String> {
    let overflow = || format!("{field} overflows an i64 of cents");
    match row.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if is_null_text(s) => Ok(None),
        Some(v @ Value::Number(_)) => {
            if let Some(n) = v.as_i64() {
                n.checked_mul(per_unit).map(Some).ok_or_else(overflow)
            } else if v.is_u64() {
                Ok(Some((v.as_f64().unwrap_or(0.0) * per_unit as f64) as i64))
            } else if per_unit == 1 {
                Err(format!("{field} is not a whole number of cents: {v}"))
            } else {
                let c = (v.as_f64().unwrap_or(f64::NAN) * 100.0).round();
                if (LOW..HIGH).contains(&c) { Ok(Some(c as i64)) } else { Err(overflow()) }
            }
        }
        Some(Value::String(s)) => Err(format!("{field} is text, not a number: {s:.40?}")),
        Some(other) => Err(format!("{field} has the wrong type: {other}")),
    }
}

fn parse(row: &RawRow) -> Result<ParsedAmount, String> {
    let amount_cents =
        if row.contains_key("amount_cents") { cents(row, "amount_cents", 1)? } else { cents(row, "amount", 100)? };
    Ok(ParsedAmount { amount_cents })
}

pub fn parse_amounts(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedAmount>, Vec<Quarantined>) {
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
