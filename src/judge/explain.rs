//! What a shrunk counterexample shows: for a DataFrame kata, its join's
//! mistake (`join_cause`); for every kata, the follow-up question its
//! records put (a null that decided it, a tie, a retry, a gap exactly at
//! the limit).

use super::join_cause::{self, Cause};
use crate::catalog::{Kata, Question};
use crate::concern::Concern;
use harness::shrink::{Actual, Counterexample};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// Reads `counterexample` for a cause (DataFrame katas) and the question
/// its records put; `None` where nothing in it points anywhere.
pub fn explain(kata: &Kata, counterexample: &Counterexample) -> (Option<Cause>, Option<Question>) {
    let Actual::Output { items: actual } = &counterexample.actual else {
        return (None, question(kata, counterexample, &[]));
    };
    let cause = kata.kind.dataset().and_then(|dataset| {
        let names: Vec<&str> = dataset.tables().iter().map(|t| t.name).collect();
        join_cause::cause(&kata.compare.grain, dataset.key_column(), &names, counterexample, actual)
    });
    (cause, question(kata, counterexample, actual))
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
    // A gap of exactly the limit that the two outputs treat differently
    // says more than a tie elsewhere in the records.
    if let Some(gap) = kata.gap_seconds
        && at_the_gap(&rows, gap, &cx.expected, actual)
    {
        return Some(Question::boundary());
    }
    if tied(&rows, &kata.tie_fields) {
        return Some(Question::of(Concern::Ties));
    }
    if retried(&rows) {
        return Some(Question::of(Concern::Retries));
    }
    if kata.gap_seconds.is_some() && several_users(&rows) {
        return Some(Question::interleaved());
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

/// Two records of one user exactly `gap` seconds apart, where the sessions
/// around them differ between the outputs: one joins the two records and
/// the other splits them. Outputs that are not sessions (no user, start
/// and end fields) cannot say, and any such pair counts.
fn at_the_gap(rows: &[&serde_json::Map<String, Value>], gap: i64, expected: &[Value], actual: &[Value]) -> bool {
    let mut by_user: BTreeMap<String, (Value, Vec<i64>)> = BTreeMap::new();
    for r in rows {
        if let (Some(u), Some(t)) = (r.get("user_id"), r.get("ts").and_then(Value::as_i64)) {
            by_user.entry(u.to_string()).or_insert_with(|| (u.clone(), Vec::new())).1.push(t);
        }
    }
    by_user.values_mut().any(|(user, ts)| {
        ts.sort_unstable();
        ts.windows(2).any(|w| {
            w[1] - w[0] == gap
                && match (spans(expected, user, w[0], w[1]), spans(actual, user, w[0], w[1])) {
                    (Some(theirs), Some(ours)) => theirs != ours,
                    _ => true,
                }
        })
    })
}

/// The sessions of `user` in `output` that touch the interval `[a, b]`, as
/// (start, end); `None` when the output's rows are not sessions.
fn spans(output: &[Value], user: &Value, a: i64, b: i64) -> Option<Vec<(i64, i64)>> {
    let field = |o: &serde_json::Map<String, Value>, part: &str| -> Option<i64> {
        o.iter().find(|(k, _)| k.ends_with(part) || k.starts_with(part)).and_then(|(_, v)| v.as_i64())
    };
    let mut out = Vec::new();
    for row in output {
        let o = row.as_object()?;
        let (start, end) = (field(o, "start")?, field(o, "end")?);
        if o.get("user_id")? == user && start <= b && end >= a {
            out.push((start, end));
        }
    }
    out.sort_unstable();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_gap_of_exactly_the_limit_asks_only_when_the_sessions_around_it_differ() {
        let r = |v: Value| v.as_object().cloned().unwrap();
        let (a, b) = (r(json!({"user_id": 1, "ts": 0})), r(json!({"user_id": 1, "ts": 1800})));
        let one = [json!({"user_id": 1, "session_start": 0, "session_end": 1800, "clicks": 2})];
        let split = [
            json!({"user_id": 1, "session_start": 0, "session_end": 0, "clicks": 1}),
            json!({"user_id": 1, "session_start": 1800, "session_end": 1800, "clicks": 1}),
        ];
        assert!(at_the_gap(&[&a, &b], 1800, &one, &split));
        // The same sessions around the gap: the diff is elsewhere (another
        // user's click taken for the previous one, say).
        let c = r(json!({"user_id": 2, "ts": 900}));
        let other = [one[0].clone(), json!({"user_id": 2, "session_start": 900, "session_end": 900, "clicks": 1})];
        let merged = [one[0].clone(), json!({"user_id": 2, "session_start": 0, "session_end": 900, "clicks": 1})];
        assert!(!at_the_gap(&[&a, &b, &c], 1800, &other, &merged));
        // No pair exactly the gap apart: never.
        let d = r(json!({"user_id": 1, "ts": 3600}));
        assert!(!at_the_gap(&[&a, &d], 1800, &one, &split));
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
        // Outputs that are not sessions cannot say which way it went.
        let other = [json!({"n": 1})];
        assert!(at_the_gap(&[&a, &d], 1800, &other, &other));
        assert!(!at_the_gap(&[&a, &d], 1799, &other, &other));
    }
}
