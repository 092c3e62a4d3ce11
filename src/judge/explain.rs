//! What a shrunk counterexample shows, read off the counterexample itself
//! rather than guessed from row counts: a join's fan-out, an unmatched row
//! kept, a match lost; and which follow-up question the records put (a
//! null that decided it, a tie, a retry, a gap exactly at the limit).

use crate::catalog::{Kata, Question};
use crate::concern::Concern;
use grader::shrink::{Actual, Counterexample};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// A join's mistake, named by its key and table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cause {
    /// Two output rows share one grain key: a join matched a row more
    /// than once.
    FanOut { grain: Vec<String>, key: Value },
    /// An output row the reference does not have, whose join key is null
    /// or has no match on the other side: a row without a match was kept.
    UnmatchedKept { table: String, column: String, key: Value },
    /// A missing output row whose key is on both sides: a match was lost.
    LostMatch { column: String, key: Value, tables: Vec<String> },
    /// A missing output row whose key is on one side only: a row without a
    /// match was dropped.
    LostUnmatched { table: String, column: String, key: Value },
    /// An output row with the right grain key but other values: it was
    /// joined to a row it should not meet, or the wrong row won. `joined`:
    /// the counterexample has rows of more than one table.
    WrongMatch { grain: Vec<String>, key: Value, fields: Vec<String>, joined: bool },
    /// The output's columns are not the reference's: `extra` are in the
    /// learner's rows only, `missing` in the reference's only.
    Columns { extra: Vec<String>, missing: Vec<String> },
}

/// Reads `counterexample` for a cause (DataFrame katas) and the question
/// its records put; `None` where nothing in it points anywhere.
pub fn explain(kata: &Kata, counterexample: &Counterexample) -> (Option<Cause>, Option<Question>) {
    let Actual::Output { items: actual } = &counterexample.actual else {
        return (None, question(kata, counterexample, &[]));
    };
    let cause = kata.dataset.and_then(|dataset| {
        let column = dataset.key_column();
        let grain = &kata.compare.grain;
        let joined = keys_by_table(column, &counterexample.records).len() > 1;
        columns(&counterexample.expected, actual)
            .or_else(|| fan_out(grain, actual))
            .or_else(|| wrong_match(grain, &counterexample.expected, actual, joined))
            .or_else(|| join_cause(column, counterexample, actual))
    });
    (cause, question(kata, counterexample, actual))
}

/// The columns of either output's rows, where both have rows and they
/// differ: a helper column left in, or one renamed or dropped.
fn columns(expected: &[Value], actual: &[Value]) -> Option<Cause> {
    let names = |rows: &[Value]| -> std::collections::BTreeSet<String> {
        rows.iter().filter_map(Value::as_object).flat_map(|o| o.keys().cloned()).collect()
    };
    let (theirs, ours) = (names(expected), names(actual));
    if theirs.is_empty() || ours.is_empty() || theirs == ours {
        return None;
    }
    let extra = ours.difference(&theirs).cloned().collect();
    let missing = theirs.difference(&ours).cloned().collect();
    Some(Cause::Columns { extra, missing })
}

fn fan_out(grain: &[String], actual: &[Value]) -> Option<Cause> {
    let violation = grader::compare::grain_violation(actual, grain)?;
    Some(Cause::FanOut { grain: violation.fields, key: violation.key })
}

/// An output row whose grain key the reference's output has too, with
/// other values: the fields that differ.
fn wrong_match(grain: &[String], expected: &[Value], actual: &[Value], joined: bool) -> Option<Cause> {
    if grain.is_empty() {
        return None;
    }
    let key = |row: &Value| Value::Array(grain.iter().map(|g| row.get(g).cloned().unwrap_or(Value::Null)).collect());
    for row in actual.iter().filter(|r| !expected.contains(r)) {
        let k = key(row);
        let Some(theirs) = expected.iter().find(|e| key(e) == k) else { continue };
        let fields: Vec<String> = row
            .as_object()
            .map(|o| o.iter().filter(|(f, v)| theirs.get(f.as_str()) != Some(v)).map(|(f, _)| f.clone()).collect())
            .unwrap_or_default();
        return Some(Cause::WrongMatch { grain: grain.to_vec(), key: k, fields, joined });
    }
    None
}

/// The first output row that differs, classified by where its key is.
fn join_cause(column: &str, cx: &Counterexample, actual: &[Value]) -> Option<Cause> {
    let tables = keys_by_table(column, &cx.records);
    let on = |key: &Value| -> Vec<String> {
        tables.iter().filter(|(_, keys)| keys.contains(&key.to_string())).map(|(t, _)| t.clone()).collect()
    };
    let expected: Vec<String> = cx.expected.iter().map(Value::to_string).collect();
    let got: Vec<String> = actual.iter().map(Value::to_string).collect();
    if let Some(extra) = actual.iter().find(|row| !expected.contains(&row.to_string())) {
        let key = extra.get(column).cloned().unwrap_or(Value::Null);
        let found = on(&key);
        if key.is_null() || found.len() < tables.len() {
            let table = found.first().cloned().or_else(|| tables.keys().next().cloned()).unwrap_or_default();
            return Some(Cause::UnmatchedKept { table, column: column.to_string(), key });
        }
    }
    let missing = cx.expected.iter().find(|row| !got.contains(&row.to_string()))?;
    let key = match missing.get(column) {
        Some(key) => key.clone(),
        // An aggregate's rows do not carry the join key: the
        // counterexample's records do.
        None => counterexample_key(column, &cx.records)?,
    };
    let found = on(&key);
    Some(if found.len() >= 2 {
        Cause::LostMatch { column: column.to_string(), key, tables: found }
    } else {
        let table = found.first().cloned().unwrap_or_default();
        Cause::LostUnmatched { table, column: column.to_string(), key }
    })
}

/// The join key of a counterexample's records: one on every side if there
/// is one, else the first.
fn counterexample_key(column: &str, records: &[Value]) -> Option<Value> {
    let tables = keys_by_table(column, records);
    let mut keys = tables.values().flatten();
    let shared = tables.values().flatten().find(|k| tables.values().all(|t| t.contains(*k)));
    let key = shared.or_else(|| keys.next())?;
    serde_json::from_str(key).ok()
}

/// The key values of each table in a DataFrame counterexample
/// (`{"orders": {...}}` records), as JSON text.
fn keys_by_table(column: &str, records: &[Value]) -> BTreeMap<String, HashSet<String>> {
    let mut tables: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for record in records {
        let Some((table, row)) = record.as_object().and_then(|o| o.iter().next()) else { continue };
        let keys = tables.entry(table.clone()).or_default();
        if let Some(v) = row.get(column).filter(|v| !v.is_null()) {
            keys.insert(v.to_string());
        }
    }
    tables
}

/// The question the counterexample puts, most telling first: a null that
/// differs between the outputs, then tied ordering fields, a retry, a gap
/// exactly at the kata's limit.
fn question(kata: &Kata, cx: &Counterexample, actual: &[Value]) -> Option<Question> {
    let rows: Vec<&serde_json::Map<String, Value>> =
        cx.records.iter().filter_map(|r| r.as_object()).map(table_row).collect();
    if null_decides(&cx.expected, actual) {
        return Some(Question::of(Concern::Nulls));
    }
    if tied(&rows, &kata.tie_fields) {
        return Some(Question::of(Concern::Ties));
    }
    if retried(&rows) {
        return Some(Question::of(Concern::Retries));
    }
    if let Some(gap) = kata.gap_seconds {
        if at_the_gap(&rows, gap) {
            return Some(Question::boundary());
        }
        if several_users(&rows) {
            return Some(Question::interleaved());
        }
    }
    None
}

/// Whether the records are of more than one user: state kept for "the
/// previous record" instead of per user mixes them up.
fn several_users(rows: &[&serde_json::Map<String, Value>]) -> bool {
    let users: HashSet<String> =
        rows.iter().filter_map(|r| r.get("user_id")).filter(|u| !u.is_null()).map(Value::to_string).collect();
    users.len() >= 2
}

/// A DataFrame record's row (`{"clicks": {...}}`), or the record itself.
fn table_row(record: &serde_json::Map<String, Value>) -> &serde_json::Map<String, Value> {
    match record.iter().next() {
        Some((_, Value::Object(row))) if record.len() == 1 => row,
        _ => record,
    }
}

/// Whether some field is null (or the text "null") in one output and not
/// in the other, on the rows that differ.
fn null_decides(expected: &[Value], actual: &[Value]) -> bool {
    let only = |a: &[Value], b: &[Value]| -> Vec<Value> {
        let other: HashSet<String> = b.iter().map(Value::to_string).collect();
        a.iter().filter(|v| !other.contains(&v.to_string())).cloned().collect()
    };
    let (e, a) = (only(expected, actual), only(actual, expected));
    let nullish = |v: &Value| v.is_null() || v.as_str() == Some("null");
    let fields = |items: &[Value]| -> BTreeMap<String, Vec<Value>> {
        let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for item in items {
            flatten("", item, &mut out);
        }
        out
    };
    let (fe, fa) = (fields(&e), fields(&a));
    fe.iter().any(|(k, values)| {
        let theirs = fa.get(k);
        let ours_null = values.iter().any(nullish);
        let theirs_null = theirs.is_some_and(|t| t.iter().any(nullish));
        (ours_null || theirs_null) && theirs.is_some_and(|t| t != values)
    })
}

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, Vec<Value>>) {
    match value {
        Value::Object(o) => {
            for (k, v) in o {
                flatten(&format!("{prefix}{k}."), v, out);
            }
        }
        other => out.entry(prefix.to_string()).or_default().push(other.clone()),
    }
}

/// Two records of one key (an event, a user, a customer) equal on a field
/// whose ties the kata's rule breaks.
fn tied(rows: &[&serde_json::Map<String, Value>], fields: &[String]) -> bool {
    let mut seen = HashSet::new();
    for r in rows {
        for key in ["event_id", "user_id", "customer_id"] {
            for field in fields {
                if let (Some(k), Some(t)) = (r.get(key), r.get(field.as_str()))
                    && !seen.insert((key, k.to_string(), field.as_str(), t.to_string()))
                {
                    return true;
                }
            }
        }
    }
    false
}

/// The same `event_id` delivered more than once.
fn retried(rows: &[&serde_json::Map<String, Value>]) -> bool {
    let mut ids = HashSet::new();
    rows.iter().filter_map(|r| r.get("event_id")).any(|id| !ids.insert(id.to_string()))
}

/// Two records of one user exactly `gap` seconds apart.
fn at_the_gap(rows: &[&serde_json::Map<String, Value>], gap: i64) -> bool {
    let mut by_user: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for r in rows {
        if let (Some(u), Some(t)) = (r.get("user_id"), r.get("ts").and_then(Value::as_i64)) {
            by_user.entry(u.to_string()).or_default().push(t);
        }
    }
    by_user.values_mut().any(|ts| {
        ts.sort_unstable();
        ts.windows(2).any(|w| w[1] - w[0] == gap)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_helper_column_left_in_and_a_renamed_one_are_columns() {
        let expected = [json!({"k": 1, "v": "a"})];
        let actual = [json!({"k": 1, "v": "a", "rank": 1})];
        assert_eq!(columns(&expected, &actual), Some(Cause::Columns { extra: vec!["rank".into()], missing: vec![] }));
        let renamed = [json!({"k": 1, "value": "a"})];
        assert_eq!(
            columns(&expected, &renamed),
            Some(Cause::Columns { extra: vec!["value".into()], missing: vec!["v".into()] })
        );
        assert_eq!(columns(&expected, &[json!({"v": "b", "k": 2})]), None);
        assert_eq!(columns(&expected, &[]), None);
    }

    #[test]
    fn records_of_two_users_ask_whose_previous_event_it_is() {
        let rows = [json!({"user_id": 1, "ts": 10}), json!({"user_id": 2, "ts": 20})];
        let maps: Vec<&serde_json::Map<String, Value>> = rows.iter().map(|r| r.as_object().unwrap()).collect();
        assert!(several_users(&maps));
        assert!(!several_users(&maps[..1]));
    }

    #[test]
    fn a_null_that_decides_the_output_asks_about_nulls() {
        let e = vec![json!({"event_id": "a", "updated_by": "null"})];
        let a = vec![json!({"event_id": "a", "updated_by": "etl"})];
        assert!(null_decides(&e, &a));
        let same = vec![json!({"event_id": "a", "updated_by": null, "n": 2})];
        let other = vec![json!({"event_id": "a", "updated_by": null, "n": 1})];
        assert!(!null_decides(&same, &other));
    }

    #[test]
    fn ties_retries_and_gaps_are_read_off_the_records() {
        let r = |v: Value| v.as_object().cloned().unwrap();
        let a = r(json!({"event_id": "e1", "user_id": 1, "ts": 10, "ingested_at": 20}));
        let b = r(json!({"event_id": "e2", "user_id": 1, "ts": 10, "ingested_at": 25}));
        assert!(tied(&[&a, &b], &["ts".to_string()]));
        assert!(!tied(&[&a, &b], &[]));
        let c = r(json!({"event_id": "e1", "user_id": 1, "ts": 10, "ingested_at": 30}));
        assert!(retried(&[&a, &c]));
        let d = r(json!({"user_id": 1, "ts": 1810}));
        assert!(at_the_gap(&[&a, &d], 1800));
        assert!(!at_the_gap(&[&a, &d], 1799));
    }
}
