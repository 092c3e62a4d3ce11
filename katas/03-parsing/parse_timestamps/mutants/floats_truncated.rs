//! expect: wrong_answer
//! Takes a float as a time and truncates it with `as i64`: 1767225600.5
//! becomes 1767225600, where the rule quarantines any float.
use grader::prelude::*;

/// One row's event time, in UTC Unix seconds.
#[derive(Serialize)]
pub struct ParsedTime {
    pub ts: i64,
}

/// An integer this large or larger counts milliseconds, not seconds.
const MILLIS_FROM: i64 = 100_000_000_000;

/// Epoch seconds or milliseconds, told apart by size; milliseconds round
/// down to their second.
fn from_epoch(n: i64) -> i64 {
    if n >= MILLIS_FROM { n.div_euclid(1_000) } else { n }
}

/// `n` ASCII digits at the start of `s`, as a number.
fn digits(s: &[u8], n: usize) -> Option<i64> {
    let d = s.get(..n)?;
    d.iter().all(u8::is_ascii_digit).then(|| d.iter().fold(0, |acc, b| acc * 10 + i64::from(b - b'0')))
}

/// Days from 1970-01-01 to a date that exists (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DDTHH:MM:SS[.f]` then `Z` or `+HH:MM`/`-HH:MM`, or
/// `YYYY-MM-DD HH:MM:SS[.f]` (UTC): the UTC seconds, if the date and time
/// exist.
fn from_text_time(t: &str) -> Option<i64> {
    let b = t.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, m, d) = (digits(b, 4)?, digits(&b[5..], 2)?, digits(&b[8..], 2)?);
    let (h, mi, s) = (digits(&b[11..], 2)?, digits(&b[14..], 2)?, digits(&b[17..], 2)?);
    // The calendar says whether the day exists (month 13, February 29th of
    // a common year); the clock is checked by hand.
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    if h > 23 || mi > 59 || s > 59 {
        return None;
    }
    let mut rest = &b[19..];
    // A fraction of a second is dropped: the time rounds down to its second.
    if let Some(after) = rest.strip_prefix(b".") {
        let n = after.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&n) {
            return None;
        }
        rest = &after[n..];
    }
    let offset = match (b[10], rest) {
        (b' ', []) => 0,
        (b'T', b"Z") => 0,
        (b'T', [sign @ (b'+' | b'-'), _, _, b':', _, _]) => {
            let (oh, om) = (digits(&rest[1..], 2)?, digits(&rest[4..], 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let minutes = oh * 60 + om;
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    // The local time minus its offset is UTC: 10:00+05:30 is 04:30Z.
    Some(days_from_civil(y, m, d) * 86_400 + h * 3_600 + mi * 60 + s - offset * 60)
}

fn parse(row: &RawRow) -> Result<ParsedTime, String> {
    let ts = match row.get("ts") {
        None | Some(Value::Null) => return Err("ts is missing or null".to_string()),
        Some(Value::Number(n)) => match n.as_i64().or_else(|| n.as_f64().map(|x| x as i64)) {
            Some(n) => from_epoch(n),
            None => return Err(format!("ts is not an integer of epoch seconds or milliseconds: {n}")),
        },
        Some(Value::String(s)) => {
            let t = s.trim();
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                from_epoch(t.parse::<i64>().map_err(|_| format!("ts overflows an i64: {t:.40?}"))?)
            } else {
                from_text_time(t).ok_or_else(|| format!("ts is not a time this feed sends: {t:.40?}"))?
            }
        }
        Some(other) => return Err(format!("ts has the wrong type: {other:.40}")),
    };
    Ok(ParsedTime { ts })
}

pub fn parse_timestamps(rows: impl Iterator<Item = RawRow>) -> (Vec<ParsedTime>, Vec<Quarantined>) {
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
