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
    families: Vec<Family>,
    corrupt_rate: f64,
    amount_rate: f64,
    drift_rate: f64,
    null_case_rate: f64,
    unicode_rate: f64,
    nonfinite_rate: f64,
    whole_amount_rate: f64,
    payload_depth: u32,
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
            families: spec.families.clone(),
            corrupt_rate: spec.params.corrupt_rate,
            amount_rate: spec.params.amount_rate,
            drift_rate: spec.params.drift_rate,
            null_case_rate: spec.params.null_case_rate,
            unicode_rate: spec.params.unicode_rate,
            nonfinite_rate: spec.params.nonfinite_rate,
            whole_amount_rate: spec.params.whole_amount_rate,
            payload_depth: spec.params.payload_depth,
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

    /// A JSON object nested exactly `depth` levels down along one branch,
    /// its keys from a small vocabulary (so that paths repeat across rows).
    fn object(&mut self, depth: u32) -> Value {
        let keys = 1 + self.payload.below(4) as usize;
        let deep_at = self.payload.below(keys as u64) as usize;
        let mut map = serde_json::Map::new();
        for i in 0..keys {
            let key: &str = *self.payload.pick(&PAYLOAD_KEYS);
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
