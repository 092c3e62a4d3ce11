//! The row generator: loose JSON objects made from the event stream, then
//! damaged the way upstream data is damaged, per family.

use super::{Family, StreamSpec};
use crate::prelude::{Event, RawRow, Value};
use crate::rng::Rng;
use serde_json::json;

const V1_FIELDS: [&str; 4] = ["user_id", "ts", "event_type", "amount"];
const V2_FIELDS: [&str; 4] = ["userId", "event_time", "type", "amount_cents"];

/// A lazy stream of [`RawRow`]s described by a [`StreamSpec`].
pub struct RowStream {
    events: super::EventStream,
    rng: Rng,
    /// Draws for the version of version-1 rows, kept apart so that the
    /// other draws (and every other family's rows) stay as they were.
    versions: Rng,
    /// Draws for the three damages below, each apart for the same reason:
    /// a rate of 0 (the default) leaves every stream as it was.
    null_cases: Rng,
    unicode: Rng,
    nonfinite: Rng,
    whole: Rng,
    payload: Rng,
    ts_formats: Rng,
    families: Vec<Family>,
    corrupt_rate: f64,
    amount_rate: f64,
    drift_rate: f64,
    null_case_rate: f64,
    unicode_rate: f64,
    nonfinite_rate: f64,
    whole_amount_rate: f64,
    payload_depth: u32,
    ts_format_rate: f64,
}

/// The text null as producers write it when they are not careful.
const NULL_TEXTS: [&str; 7] = ["NULL", "Null", " null ", " Null ", "nUlL", "\tNULL ", "null "];
/// Non-ASCII letters of 2 and 3 bytes in UTF-8.
const WIDE: [char; 5] = ['é', 'ü', 'ß', '日', '本'];
/// Short non-ASCII words.
const WORDS: [&str; 5] = ["café", "überweisung", "日本", "açaí", "naïve"];
/// Keys and words of nested payloads.
const PAYLOAD_KEYS: [&str; 12] =
    ["id", "name", "tags", "geo", "lat", "items", "price", "meta", "device", "os", "v", "ref"];
const PAYLOAD_WORDS: [&str; 6] = ["ios", "web", "blue", "x1", "café", "0"];
/// Offsets from UTC, in minutes, that producers write their local times in.
const OFFSETS: [i64; 8] = [330, -480, 60, -210, 540, 0, 345, -600];

/// The UTC civil date `(year, month, day)` and time of day of a Unix time
/// (proleptic Gregorian; Howard Hinnant's `civil_from_days`).
fn civil(ts: i64) -> ((i64, i64, i64), [i64; 3]) {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    ((y, m, d), [secs / 3_600, secs / 60 % 60, secs % 60])
}

fn ymd((y, m, d): (i64, i64, i64)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Text that parses to NaN or an infinity.
const NONFINITE: [&str; 8] = ["nan", "NaN", "inf", "-Infinity", "1e400", "-inf", "INF", " NaN "];

impl RowStream {
    pub fn new(spec: &StreamSpec) -> RowStream {
        RowStream {
            events: super::EventStream::new(spec),
            rng: Rng::derive(spec.seed, "rows"),
            versions: Rng::derive(spec.seed, "v1-versions"),
            null_cases: Rng::derive(spec.seed, "null-cases"),
            unicode: Rng::derive(spec.seed, "unicode"),
            nonfinite: Rng::derive(spec.seed, "nonfinite"),
            whole: Rng::derive(spec.seed, "whole"),
            payload: Rng::derive(spec.seed, "payload"),
            ts_formats: Rng::derive(spec.seed, "ts-formats"),
            families: spec.families.clone(),
            corrupt_rate: spec.params.corrupt_rate,
            amount_rate: spec.params.amount_rate,
            drift_rate: spec.params.drift_rate,
            null_case_rate: spec.params.null_case_rate,
            unicode_rate: spec.params.unicode_rate,
            nonfinite_rate: spec.params.nonfinite_rate,
            whole_amount_rate: spec.params.whole_amount_rate,
            payload_depth: spec.params.payload_depth,
            ts_format_rate: spec.params.ts_format_rate,
        }
    }

    fn has(&self, f: Family) -> bool {
        self.families.contains(&f)
    }

    fn row(&mut self, e: Event) -> RawRow {
        let v2 = self.has(Family::SchemaDrift) && self.rng.chance(self.drift_rate);
        let names = if v2 { V2_FIELDS } else { V1_FIELDS };
        let mut row = RawRow::new();
        row.insert(names[0].into(), json!(e.user_id));
        row.insert(names[1].into(), json!(e.ts));
        row.insert(names[2].into(), json!(e.event_type));
        if self.rng.chance(self.amount_rate) {
            let cents = self.rng.below(100_000);
            let amount = if v2 {
                json!(cents)
            } else if self.whole_amount_rate > 0.0 && self.whole.chance(self.whole_amount_rate) {
                json!(cents / 100)
            } else {
                json!(cents as f64 / 100.0)
            };
            row.insert(names[3].into(), amount);
        }
        if self.unicode_rate > 0.0 && self.unicode.chance(self.unicode_rate) {
            let text = self.unicode_text(&e.event_type);
            row.insert(names[2].into(), json!(text));
        }
        if self.nonfinite_rate > 0.0 && self.nonfinite.chance(self.nonfinite_rate) {
            row.insert(names[3].into(), json!(*self.nonfinite.pick(&NONFINITE)));
        }
        if self.ts_format_rate > 0.0 && self.ts_formats.chance(self.ts_format_rate) {
            let v = self.ts_format(e.ts);
            row.insert(names[1].into(), v);
        }
        if self.payload_depth > 0 {
            let depth = 1 + self.payload.below(u64::from(self.payload_depth)) as u32;
            // Now and then a producer sends a payload with nothing in it.
            let payload = if self.payload.chance(0.04) { json!({}) } else { self.object(depth) };
            row.insert("payload".into(), payload);
        }
        // Producers mid-migration: a version that is not 1 or 2, on rows
        // of either shape; and a v2 row that still carries a stale v1 field.
        let odd = [json!(3), json!("2"), Value::Null, json!(2.0)];
        if v2 {
            row.insert("schema_version".into(), json!(2));
            if self.rng.chance(self.corrupt_rate / 2.0) {
                row.insert("schema_version".into(), self.rng.pick(&odd).clone());
            }
            if self.rng.chance(self.corrupt_rate / 2.0) {
                row.insert("user_id".into(), json!(e.user_id + 1_000_000));
            }
        } else if self.has(Family::SchemaDrift) && self.versions.chance(self.corrupt_rate / 2.0) {
            row.insert("schema_version".into(), self.versions.pick(&odd).clone());
        }
        let rate = self.corrupt_rate;
        if self.has(Family::Nulls) && self.rng.chance(rate) {
            let field = self.pick_field(&row);
            let v = if self.rng.chance(0.5) { Value::Null } else { json!(self.null_text()) };
            row.insert(field, v);
        }
        if self.has(Family::MissingFields) && self.rng.chance(rate) {
            let field = self.pick_field(&row);
            row.remove(&field);
        }
        if self.has(Family::WrongTypes) && self.rng.chance(rate) {
            let field = self.pick_field(&row);
            let v = self.wrong_value(row.get(&field));
            row.insert(field, v);
        }
        if self.has(Family::LongValues) && self.rng.chance(rate) {
            let field = self.pick_field(&row);
            let v = match self.rng.below(3) {
                0 => json!("x".repeat(4_096 + self.rng.below(4_096) as usize)),
                1 => json!("9".repeat(25)),
                _ => json!(u64::MAX - self.rng.below(1_000)),
            };
            row.insert(field, v);
        }
        if self.has(Family::ExtraFields) && self.rng.chance(0.5) {
            row.insert("source".into(), json!(*self.rng.pick(&["web", "ios", "android"])));
            if self.rng.chance(0.5) {
                row.insert("_ingest".into(), json!({ "batch": self.rng.below(1_000), "retry": self.rng.chance(0.1) }));
            }
        }
        row
    }

    /// The text null, in another case or padded at `null_case_rate`.
    fn null_text(&mut self) -> &'static str {
        if self.null_case_rate > 0.0 && self.null_cases.chance(self.null_case_rate) {
            let text: &&'static str = self.null_cases.pick(&NULL_TEXTS);
            text
        } else {
            "null"
        }
    }

    /// Non-ASCII text made from `base`: a short word; exactly 64 bytes of
    /// UTF-8 (sometimes with spaces around); or 65 to 96 bytes that are no
    /// more than 64 characters, which a limit on characters lets through.
    fn unicode_text(&mut self, base: &str) -> String {
        let r = &mut self.unicode;
        let wide = *r.pick(&WIDE);
        let mut text = format!("{base}-");
        match r.below(4) {
            0 => {
                let word: &&str = r.pick(&WORDS);
                text.push_str(word);
            }
            1 | 2 => {
                while text.len() + wide.len_utf8() <= 64 {
                    text.push(wide);
                }
                while text.len() < 64 {
                    text.push('x');
                }
                if r.chance(0.5) {
                    text = format!(" {text}  ");
                }
            }
            _ => {
                let target = 65 + r.below(32) as usize;
                while text.len() < target {
                    text.push(wide);
                }
            }
        }
        text
    }

    /// The Unix time `ts` in a format producers send (see
    /// `StreamParams::ts_format_rate`), from which it can be read back
    /// exactly; or, one time in six, junk that names no time.
    fn ts_format(&mut self, ts: i64) -> Value {
        let r = &mut self.ts_formats;
        let (date, [h, mi, s]) = civil(ts);
        // Six digits as Python's isoformat writes them, three as
        // JavaScript's toISOString, one now and then.
        let fraction = |r: &mut Rng| match r.below(4) {
            0 => format!(".{:03}", r.below(1_000)),
            1 => format!(".{:06}", r.below(1_000_000)),
            2 => format!(".{}", r.below(10)),
            _ => String::new(),
        };
        let text = match r.below(6) {
            0 => return json!(ts * 1_000 + r.below(1_000) as i64),
            1 => {
                if r.chance(0.25) {
                    format!("{}", ts * 1_000 + r.below(1_000) as i64)
                } else {
                    format!("{ts}")
                }
            }
            2 => format!("{}T{h:02}:{mi:02}:{s:02}{}Z", ymd(date), fraction(r)),
            3 => {
                let minutes = *r.pick(&OFFSETS);
                let (local, [h, mi, s]) = civil(ts + minutes * 60);
                let sign = if minutes < 0 { '-' } else { '+' };
                let m = minutes.abs();
                format!("{}T{h:02}:{mi:02}:{s:02}{}{sign}{:02}:{:02}", ymd(local), fraction(r), m / 60, m % 60)
            }
            4 => format!("{} {h:02}:{mi:02}:{s:02}{}", ymd(date), fraction(r)),
            _ => {
                let (y, m, d) = date;
                // A common year's February 29th: the year after a leap year.
                let common = if y % 4 == 0 { y + 1 } else { y };
                match r.below(8) {
                    0 => String::new(),
                    1 => "not a date".to_string(),
                    2 => format!("{y:04}-13-{d:02}T{h:02}:{mi:02}:{s:02}Z"),
                    3 => format!("{common:04}-02-29 {h:02}:{mi:02}:{s:02}"),
                    4 => format!("{y:04}-{m:02}-{d:02}T24:{mi:02}:{s:02}Z"),
                    5 => ymd(date),
                    6 => format!("{ts}.5"),
                    _ => format!("{d:02}/{m:02}/{y:04} {h:02}:{mi:02}"),
                }
            }
        };
        if r.chance(0.125) { json!(format!(" {text}  ")) } else { json!(text) }
    }

    /// A JSON object nested exactly `depth` levels down along one branch,
    /// its keys from a small vocabulary (so that paths repeat across rows).
    fn object(&mut self, depth: u32) -> Value {
        let keys = 1 + self.payload.below(4) as usize;
        let deep_at = self.payload.below(keys as u64) as usize;
        let mut map = serde_json::Map::new();
        for i in 0..keys {
            let key = *self.payload.pick(&PAYLOAD_KEYS);
            let value = if depth > 1 && i == deep_at { self.nested(depth - 1) } else { self.leaf() };
            map.insert(key.to_string(), value);
        }
        Value::Object(map)
    }

    /// An object or an array `depth` levels deep.
    fn nested(&mut self, depth: u32) -> Value {
        if self.payload.chance(0.3) {
            let len = 1 + self.payload.below(3) as usize;
            let deep_at = self.payload.below(len as u64) as usize;
            let mut items = Vec::with_capacity(len);
            for i in 0..len {
                items.push(if i == deep_at && depth > 1 { self.nested(depth - 1) } else { self.leaf() });
            }
            Value::Array(items)
        } else {
            self.object(depth)
        }
    }

    /// A scalar of any kind, or an empty object or array.
    fn leaf(&mut self) -> Value {
        let r = &mut self.payload;
        match r.below(9) {
            0 => Value::Null,
            1 => json!(r.chance(0.5)),
            2 => json!(r.below(1_000) as i64 - 100),
            3 => json!(r.below(100_000) as f64 / 100.0),
            4 => json!({}),
            5 => json!([]),
            6 => json!(""),
            _ => json!(*r.pick(&PAYLOAD_WORDS)),
        }
    }

    fn pick_field(&mut self, row: &RawRow) -> String {
        let keys: Vec<&String> = row.keys().filter(|k| k.as_str() != "schema_version").collect();
        if keys.is_empty() {
            return "user_id".to_string();
        }
        (*self.rng.pick(&keys)).clone()
    }

    /// A value of a type the field should not hold, or numeric text that
    /// some rules accept.
    fn wrong_value(&mut self, current: Option<&Value>) -> Value {
        let n = current.and_then(Value::as_i64).unwrap_or(42);
        match self.rng.below(9) {
            0 => json!(n as f64 + 0.5),
            1 => json!(n as f64),
            2 => json!(self.rng.chance(0.5)),
            3 => json!({ "value": n }),
            4 => json!([n]),
            5 => json!(""),
            6 => json!(format!(" {n} ")),
            7 => json!(format!("{n}")),
            _ => json!(format!("n/a-{}", self.rng.below(100))),
        }
    }
}

impl Iterator for RowStream {
    type Item = RawRow;

    fn next(&mut self) -> Option<RawRow> {
        let e = self.events.next()?;
        Some(self.row(e))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.events.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::streams::StreamParams;
    use std::collections::HashSet;

    fn rows(families: &[Family]) -> Vec<RawRow> {
        let spec = StreamSpec {
            record: super::super::RecordKind::Rows,
            seed: 9,
            events: 4000,
            families: families.to_vec(),
            params: StreamParams::default(),
            dataset: None,
        };
        RowStream::new(&spec).collect()
    }

    #[test]
    fn payloads_nest_to_their_depth_and_only_when_asked() {
        fn depth(v: &Value) -> u32 {
            match v {
                Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
                Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        assert!(rows(&[Family::Clean]).iter().all(|r| !r.contains_key("payload")));
        let spec = StreamSpec {
            record: super::super::RecordKind::Rows,
            seed: 9,
            events: 500,
            families: vec![Family::Clean],
            params: StreamParams { payload_depth: 6, ..StreamParams::default() },
            dataset: None,
        };
        let rows: Vec<RawRow> = RowStream::new(&spec).collect();
        let depths: Vec<u32> = rows.iter().map(|r| depth(&r["payload"])).collect();
        assert!(depths.iter().all(|d| (1..=7).contains(d)), "{depths:?}");
        assert!(rows.iter().any(|r| r["payload"] == serde_json::json!({})), "some payloads are empty");
        assert!(depths.iter().any(|d| *d >= 6), "some reach the depth asked");
        let plain = RowStream::new(&StreamSpec { params: StreamParams::default(), ..spec.clone() });
        let same: Vec<RawRow> = plain
            .map(|mut r| {
                r.remove("payload");
                r
            })
            .collect();
        let stripped: Vec<RawRow> = rows
            .into_iter()
            .map(|mut r| {
                r.remove("payload");
                r
            })
            .collect();
        assert_eq!(same, stripped, "a payload changes nothing else of the row");
    }

    #[test]
    fn clean_rows_have_the_v1_fields() {
        for r in rows(&[Family::Clean]) {
            assert!(r["user_id"].is_u64() && r["ts"].is_i64() && r["event_type"].is_string());
            assert!(r.get("amount").is_none_or(Value::is_f64));
        }
    }

    #[test]
    fn each_family_leaves_its_mark() {
        let all =
            rows(&[Family::Nulls, Family::MissingFields, Family::WrongTypes, Family::ExtraFields, Family::LongValues]);
        assert!(all.iter().any(|r| r.values().any(Value::is_null)));
        assert!(all.iter().any(|r| r.values().any(|v| v == "null")));
        assert!(all.iter().any(|r| !r.contains_key("ts")));
        assert!(all.iter().any(|r| r.values().any(Value::is_boolean)));
        assert!(all.iter().any(|r| r.values().any(Value::is_object)));
        assert!(all.iter().any(|r| r.contains_key("source")));
        assert!(all.iter().any(|r| r.values().any(|v| v.as_str().is_some_and(|s| s.len() > 4_000))));
    }

    #[test]
    fn new_damages_are_off_by_default_and_on_when_asked() {
        let plain = rows(&[Family::Nulls]);
        assert!(!plain.iter().any(|r| {
            r.values().any(|v| v.as_str().is_some_and(|s| s != "null" && s.trim().eq_ignore_ascii_case("null")))
        }));
        let spec = StreamSpec {
            record: super::super::RecordKind::Rows,
            seed: 9,
            events: 4000,
            families: vec![Family::Nulls],
            params: StreamParams {
                null_case_rate: 0.5,
                unicode_rate: 0.3,
                nonfinite_rate: 0.1,
                whole_amount_rate: 0.2,
                ..StreamParams::default()
            },
            dataset: None,
        };
        let all: Vec<RawRow> = RowStream::new(&spec).collect();
        let texts = || all.iter().flat_map(|r| r.values()).filter_map(Value::as_str);
        assert!(texts().any(|s| s != "null" && s.trim().eq_ignore_ascii_case("null")));
        let types: Vec<&str> = all.iter().filter_map(|r| r.get("event_type")?.as_str()).collect();
        assert!(types.iter().any(|s| s.trim().len() == 64 && !s.is_ascii()));
        assert!(types.iter().any(|s| s.len() > 64 && s.chars().count() <= 64));
        assert!(types.iter().any(|s| !s.is_ascii() && s.len() < 40));
        assert!(all.iter().any(|r| {
            r.get("amount").and_then(Value::as_str).is_some_and(|s| s.parse::<f64>().is_ok_and(|x| !x.is_finite()))
        }));
        assert!(types.iter().all(|s| s.len() <= 100));
        assert!(all.iter().any(|r| r.get("amount").is_some_and(Value::is_u64)));
    }

    #[test]
    fn ts_formats_are_off_by_default_and_read_back_to_the_true_time() {
        use jiff::Timestamp;
        let families = [Family::Clean, Family::SchemaDrift];
        let spec = |rate: f64| StreamSpec {
            record: super::super::RecordKind::Rows,
            seed: 9,
            events: 6000,
            families: families.to_vec(),
            params: StreamParams { ts_format_rate: rate, ..StreamParams::default() },
            dataset: None,
        };
        let plain: Vec<RawRow> = RowStream::new(&spec(0.0)).collect();
        assert!(plain.iter().all(|r| r.get("ts").or(r.get("event_time")).is_some_and(Value::is_i64)));
        let formatted: Vec<RawRow> = RowStream::new(&spec(0.7)).collect();
        assert_eq!(plain.len(), formatted.len());
        // [millis, millis text, digits text, Z, offset, naive, fraction, padded, junk]
        let mut seen = [0usize; 9];
        let mut offsets = HashSet::new();
        for (p, f) in plain.iter().zip(&formatted) {
            let field = if p.contains_key("ts") { "ts" } else { "event_time" };
            let truth = p[field].as_i64().unwrap();
            let mut rest = f.clone();
            rest.insert(field.into(), p[field].clone());
            assert_eq!(&rest, p, "only the event time changes");
            let t = match &f[field] {
                Value::Number(n) if n.as_i64() == Some(truth) => continue,
                Value::Number(n) => {
                    let ms = n.as_i64().unwrap();
                    assert!(ms >= 100_000_000_000 && ms.div_euclid(1_000) == truth, "{ms} {truth}");
                    seen[0] += 1;
                    continue;
                }
                Value::String(s) => s,
                other => panic!("{other}"),
            };
            let s = t.trim();
            if s.len() != t.len() {
                seen[7] += 1;
            }
            if s.contains('.') && s.len() > 19 {
                seen[6] += 1;
            }
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                let n: i64 = s.parse().unwrap();
                if n >= 100_000_000_000 {
                    assert_eq!(n.div_euclid(1_000), truth);
                    seen[1] += 1;
                } else {
                    assert_eq!(n, truth);
                    seen[2] += 1;
                }
            } else if let Ok(at) = s.parse::<Timestamp>() {
                assert_eq!(at.as_second(), truth, "{s}");
                if s.ends_with('Z') {
                    seen[3] += 1;
                } else {
                    offsets.insert(s[s.len() - 6..].to_string());
                    seen[4] += 1;
                }
            } else if s.len() >= 19 && s.as_bytes()[10] == b' ' && s.parse::<jiff::civil::DateTime>().is_ok() {
                let at = jiff::tz::Offset::UTC.to_timestamp(s.parse::<jiff::civil::DateTime>().unwrap()).unwrap();
                assert_eq!(at.as_second(), truth, "{s}");
                seen[5] += 1;
            } else {
                seen[8] += 1;
            }
        }
        assert!(seen.iter().all(|n| *n > 20), "every format appears: {seen:?}");
        assert_eq!(offsets.len(), OFFSETS.len(), "{offsets:?}");
        let junk: HashSet<&str> = formatted
            .iter()
            .filter_map(|r| r.get("ts")?.as_str())
            .map(str::trim)
            .filter(|s| s.is_empty() || s.contains("-13-") || s.contains("T24:") || s.contains("-02-29 "))
            .collect();
        assert!(junk.contains(""), "empty text is junk");
        assert!(junk.iter().any(|s| s.contains("-13-")) && junk.iter().any(|s| s.contains("T24:")));
        assert!(junk.iter().any(|s| s.contains("-02-29 ")), "{junk:?}");
    }

    #[test]
    fn civil_agrees_with_jiff() {
        use jiff::{Timestamp, tz::Offset};
        for ts in [0, 1_767_225_599, 1_767_225_600, 951_782_400, 1_835_481_599, -1, -86_401, 253_402_207_200] {
            let z = Offset::UTC.to_datetime(Timestamp::from_second(ts).unwrap());
            let ((y, m, d), [h, mi, s]) = civil(ts);
            assert_eq!(
                (y, m, d, h, mi, s),
                (
                    i64::from(z.year()),
                    i64::from(z.month()),
                    i64::from(z.day()),
                    i64::from(z.hour()),
                    i64::from(z.minute()),
                    i64::from(z.second())
                ),
                "{ts}"
            );
        }
    }

    #[test]
    fn drift_damages_the_version_of_rows_of_both_shapes() {
        let all = rows(&[Family::SchemaDrift]);
        let odd = |r: &&RawRow| r.get("schema_version").is_some_and(|v| v != &json!(2) && v != &json!(1));
        assert!(all.iter().filter(odd).any(|r| r.contains_key("user_id") && !r.contains_key("userId")));
        assert!(all.iter().filter(odd).any(|r| r.contains_key("userId")));
    }

    #[test]
    fn drift_adds_a_second_version() {
        let all = rows(&[Family::SchemaDrift]);
        let v2 = all.iter().filter(|r| r.get("schema_version") == Some(&json!(2))).count();
        assert!(v2 > 1_000 && v2 < 2_200, "{v2}");
        assert!(all.iter().any(|r| r.contains_key("userId") && r.contains_key("amount_cents")));
    }
}
