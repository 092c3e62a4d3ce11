//! What a DataFrame counterexample shows about its join, read off the
//! records rather than guessed from row counts: a fan-out, an unmatched
//! row kept, null keys matched to each other, a match lost, a wrong match,
//! columns that differ.

use harness::shrink::Counterexample;
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
    /// An output row the reference does not have, whose join key is null,
    /// where the counterexample has rows with a null key in `tables` (two
    /// or more): the join paired nulls, which `=` never does.
    NullsMatched { column: String, tables: Vec<String> },
    /// A missing output row whose key is on both sides: a match was lost.
    /// `short`: the row is there but counts less than the reference's (an
    /// aggregate over the join): rows that should count were lost.
    LostMatch { column: String, key: Value, tables: Vec<String>, short: Option<Short> },
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

/// An aggregate's row that counts less than the reference's: its grain key
/// and the fields that fell short.
#[derive(Clone, Debug, PartialEq)]
pub struct Short {
    pub grain: Vec<String>,
    pub key: Value,
    pub fields: Vec<String>,
}

/// A DataFrame counterexample's cause: `grain` the output's, `column` the
/// join key, `names` the dataset's tables in order.
pub(super) fn cause(
    grain: &[String],
    column: &str,
    names: &[&str],
    cx: &Counterexample,
    actual: &[Value],
) -> Option<Cause> {
    let tables = keys_by_table(column, &cx.records, names);
    let joined = tables_of(&cx.records).len() > 1;
    // Rows of one table only: no join multiplied them, whatever the grain.
    columns(&cx.expected, actual)
        .or_else(|| fan_out(grain, actual).filter(|_| joined))
        .or_else(|| miscounted(grain, column, &tables, cx, actual))
        .or_else(|| wrong_match(grain, &cx.expected, actual, joined))
        .or_else(|| join_cause(column, &tables, cx, actual))
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
    let violation = harness::compare::grain_violation(actual, grain)?;
    Some(Cause::FanOut { grain: violation.fields, key: violation.key })
}

/// An aggregate's row (one that does not carry the join key) whose grain
/// key the reference's output has too, with other counts: counting less
/// means rows were lost on the way (never a fan-out); counting more, with
/// a row in the counterexample that has no partner, means it was kept.
fn miscounted(
    grain: &[String],
    column: &str,
    tables: &BTreeMap<String, HashSet<String>>,
    cx: &Counterexample,
    actual: &[Value],
) -> Option<Cause> {
    let (row, theirs, fields) = differing_row(grain, &cx.expected, actual)?;
    if row.get(column).is_some() || fields.is_empty() {
        return None;
    }
    let numbers = |f: &String| Some((row.get(f)?.as_f64()?, theirs.get(f)?.as_f64()?));
    let pairs: Vec<(f64, f64)> = fields.iter().map(numbers).collect::<Option<_>>()?;
    let key = grain_key(grain, row);
    if pairs.iter().all(|(ours, theirs)| ours < theirs) {
        let (column_key, found) = match counterexample_key(tables) {
            Some(k) => {
                let found = on_tables(tables, &k);
                (k, found)
            }
            None => (Value::Null, Vec::new()),
        };
        let short = Some(Short { grain: grain.to_vec(), key, fields });
        return Some(Cause::LostMatch { column: column.to_string(), key: column_key, tables: found, short });
    }
    if pairs.iter().all(|(ours, theirs)| ours > theirs) {
        return unmatched(column, tables, &cx.records);
    }
    None
}

/// The first output row not in the reference's output whose grain key the
/// reference's has, that row of the reference's, and the fields that differ.
fn differing_row<'v>(
    grain: &[String],
    expected: &'v [Value],
    actual: &'v [Value],
) -> Option<(&'v Value, &'v Value, Vec<String>)> {
    if grain.is_empty() {
        return None;
    }
    for row in actual.iter().filter(|r| !expected.contains(r)) {
        let k = grain_key(grain, row);
        let Some(theirs) = expected.iter().find(|e| grain_key(grain, e) == k) else { continue };
        let fields: Vec<String> = row
            .as_object()
            .map(|o| o.iter().filter(|(f, v)| theirs.get(f.as_str()) != Some(v)).map(|(f, _)| f.clone()).collect())
            .unwrap_or_default();
        return Some((row, theirs, fields));
    }
    None
}

fn grain_key(grain: &[String], row: &Value) -> Value {
    Value::Array(grain.iter().map(|g| row.get(g).cloned().unwrap_or(Value::Null)).collect())
}

/// The first record of the counterexample without a partner: its join
/// key null, or on fewer tables than the dataset has.
fn unmatched(column: &str, tables: &BTreeMap<String, HashSet<String>>, records: &[Value]) -> Option<Cause> {
    records.iter().find_map(|record| {
        let (table, row) = record.as_object().and_then(|o| o.iter().next())?;
        let key = row.get(column)?;
        if let Some(cause) = nulls_matched(column, key, records) {
            return Some(cause);
        }
        let alone = key.is_null() || on_tables(tables, key).len() < tables.len();
        alone.then(|| Cause::UnmatchedKept { table: table.clone(), column: column.to_string(), key: key.clone() })
    })
}

/// The tables whose rows hold `key` in the join column.
fn on_tables(tables: &BTreeMap<String, HashSet<String>>, key: &Value) -> Vec<String> {
    tables.iter().filter(|(_, keys)| keys.contains(&key.to_string())).map(|(t, _)| t.clone()).collect()
}

/// An output row whose grain key the reference's output has too, with
/// other values: the fields that differ.
fn wrong_match(grain: &[String], expected: &[Value], actual: &[Value], joined: bool) -> Option<Cause> {
    let (row, _, fields) = differing_row(grain, expected, actual)?;
    Some(Cause::WrongMatch { grain: grain.to_vec(), key: grain_key(grain, row), fields, joined })
}

/// The first output row that differs, classified by where its key is. An
/// aggregate's rows do not carry the join key: the counterexample's records
/// say which row had no partner, or which key both sides share.
fn join_cause(
    column: &str,
    tables: &BTreeMap<String, HashSet<String>>,
    cx: &Counterexample,
    actual: &[Value],
) -> Option<Cause> {
    let expected: Vec<String> = cx.expected.iter().map(Value::to_string).collect();
    let got: Vec<String> = actual.iter().map(Value::to_string).collect();
    if let Some(extra) = actual.iter().find(|row| !expected.contains(&row.to_string())) {
        match extra.get(column) {
            Some(key) => {
                let found = on_tables(tables, key);
                if let Some(cause) = nulls_matched(column, key, &cx.records) {
                    return Some(cause);
                }
                if key.is_null() || found.len() < tables.len() {
                    let table = found.first().cloned().or_else(|| tables.keys().next().cloned()).unwrap_or_default();
                    return Some(Cause::UnmatchedKept { table, column: column.to_string(), key: key.clone() });
                }
            }
            None => {
                if let Some(cause) = unmatched(column, tables, &cx.records) {
                    return Some(cause);
                }
            }
        }
    }
    let missing = cx.expected.iter().find(|row| !got.contains(&row.to_string()))?;
    let key = match missing.get(column) {
        Some(key) => key.clone(),
        None => counterexample_key(tables)?,
    };
    let found = on_tables(tables, &key);
    Some(if found.len() >= 2 {
        Cause::LostMatch { column: column.to_string(), key, tables: found, short: None }
    } else {
        let table = found.first().cloned().unwrap_or_default();
        Cause::LostUnmatched { table, column: column.to_string(), key }
    })
}

/// The join key of a counterexample's records: one on every side if there
/// is one, else the first.
fn counterexample_key(tables: &BTreeMap<String, HashSet<String>>) -> Option<Value> {
    let mut all: Vec<&String> = tables.values().flatten().collect();
    all.sort();
    let shared = all.iter().find(|k| tables.values().all(|t| t.contains(**k)));
    let key = shared.or_else(|| all.first())?;
    serde_json::from_str(key).ok()
}

/// The tables a DataFrame counterexample holds rows of.
fn tables_of(records: &[Value]) -> HashSet<&str> {
    records.iter().filter_map(|r| r.as_object()?.keys().next().map(String::as_str)).collect()
}

/// The key values of each table in a DataFrame counterexample
/// (`{"orders": {...}}` records), as JSON text; every table of the dataset
/// has an entry, even one the counterexample holds no rows of.
/// A row whose join `key` is null, kept where the counterexample has null
/// keys in two tables or more: the join paired the nulls. The tables are in
/// the records' order.
fn nulls_matched(column: &str, key: &Value, records: &[Value]) -> Option<Cause> {
    if !key.is_null() {
        return None;
    }
    let mut tables: Vec<String> = Vec::new();
    for record in records {
        let Some((table, row)) = record.as_object().and_then(|o| o.iter().next()) else { continue };
        if row.get(column).is_some_and(Value::is_null) && !tables.contains(table) {
            tables.push(table.clone());
        }
    }
    (tables.len() >= 2).then(|| Cause::NullsMatched { column: column.to_string(), tables })
}

fn keys_by_table(column: &str, records: &[Value], names: &[&str]) -> BTreeMap<String, HashSet<String>> {
    let mut tables: BTreeMap<String, HashSet<String>> = names.iter().map(|n| (n.to_string(), HashSet::new())).collect();
    for record in records {
        let Some((table, row)) = record.as_object().and_then(|o| o.iter().next()) else { continue };
        let keys = tables.entry(table.clone()).or_default();
        if let Some(v) = row.get(column).filter(|v| !v.is_null()) {
            keys.insert(v.to_string());
        }
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;
    use harness::shrink::Actual;
    use serde_json::json;

    fn cx(records: Vec<Value>, expected: Vec<Value>, actual: &[Value]) -> Counterexample {
        Counterexample {
            original_records: records.len() as u64,
            records,
            expected,
            actual: Actual::Output { items: actual.to_vec() },
            grain_violation: None,
            tests_run: 0,
            partitions: Vec::new(),
        }
    }

    #[test]
    fn an_unmatched_row_kept_in_an_aggregate_names_its_real_key_or_its_null() {
        let grain = ["city".to_string()];
        let names = ["sales", "stores"];
        // A sale of store 205, which stores does not know, kept by a left join.
        let records = vec![
            json!({"sales": {"sale_id": 1, "store_id": 205, "amount_cents": 300}}),
            json!({"stores": {"store_id": 1, "city": "Oslo"}}),
        ];
        let actual = [json!({"city": null, "sales": 1, "revenue_cents": 300})];
        let unknown = cx(records, vec![], &actual);
        assert_eq!(
            cause(&grain, "store_id", &names, &unknown, &actual),
            Some(Cause::UnmatchedKept { table: "sales".into(), column: "store_id".into(), key: json!(205) })
        );
        // The same with no stores row at all: stores is still a side.
        let alone = cx(vec![json!({"sales": {"sale_id": 1, "store_id": 205, "amount_cents": 300}})], vec![], &actual);
        assert!(matches!(
            cause(&grain, "store_id", &names, &alone, &actual),
            Some(Cause::UnmatchedKept { key, .. }) if key == json!(205)
        ));
        // A null store_id is the null.
        let null = cx(vec![json!({"sales": {"sale_id": 1, "store_id": null, "amount_cents": 300}})], vec![], &actual);
        assert!(matches!(
            cause(&grain, "store_id", &names, &null, &actual),
            Some(Cause::UnmatchedKept { key: Value::Null, .. })
        ));
        // Kept into a group the reference has too: it counts more, and the
        // row without a partner is still what the counterexample shows.
        let records = vec![
            json!({"clicks": {"click_id": 1, "user_id": 7, "ts": 0, "page": "/"}}),
            json!({"clicks": {"click_id": 2, "user_id": 20_050, "ts": 0, "page": "/"}}),
            json!({"users": {"user_id": 7, "plan": null}}),
        ];
        let more = [json!({"plan": null, "clicks": 2})];
        let kept = cx(records, vec![json!({"plan": null, "clicks": 1})], &more);
        assert_eq!(
            cause(&["plan".to_string()], "user_id", &["clicks", "users"], &kept, &more),
            Some(Cause::UnmatchedKept { table: "clicks".into(), column: "user_id".into(), key: json!(20_050) })
        );
    }

    #[test]
    fn nulls_paired_by_a_null_safe_join_are_named_as_such() {
        let grain = ["order_id".to_string(), "method".to_string()];
        let names = ["orders", "payments"];
        // An order and a payment, both without a customer: the reference
        // keeps the order alone; a null-safe join pairs them.
        let records = vec![
            json!({"orders": {"order_id": 1, "customer_id": null, "region": "eu", "order_ts": 0}}),
            json!({"payments": {"customer_id": null, "region": "eu", "method": "card", "is_primary": true, "added_ts": 0}}),
        ];
        let expected = vec![json!({"order_id": 1, "customer_id": null, "region": "eu", "method": null})];
        let actual = [json!({"order_id": 1, "customer_id": null, "region": "eu", "method": "card"})];
        let paired = cx(records, expected.clone(), &actual);
        assert_eq!(
            cause(&grain, "customer_id", &names, &paired, &actual),
            Some(Cause::NullsMatched {
                column: "customer_id".into(),
                tables: vec!["orders".into(), "payments".into()]
            })
        );
        // A null on one side only is a row without a partner.
        let alone = cx(
            vec![json!({"orders": {"order_id": 1, "customer_id": null, "region": "eu", "order_ts": 0}})],
            vec![],
            &actual,
        );
        assert!(matches!(
            cause(&grain, "customer_id", &names, &alone, &actual),
            Some(Cause::UnmatchedKept { key: Value::Null, .. })
        ));
    }

    #[test]
    fn a_grain_broken_without_a_join_is_no_fan_out() {
        let grain = ["user_id".to_string(), "session_start".to_string()];
        let twice = [
            json!({"user_id": 1, "session_start": 0, "session_end": 0, "clicks": 1}),
            json!({"user_id": 1, "session_start": 0, "session_end": 0, "clicks": 1}),
        ];
        let records = vec![
            json!({"clicks": {"click_id": 1, "user_id": 1, "ts": 0, "page": "/"}}),
            json!({"clicks": {"click_id": 2, "user_id": 1, "ts": 0, "page": "/"}}),
        ];
        let expected = vec![json!({"user_id": 1, "session_start": 0, "session_end": 0, "clicks": 2})];
        let alone = cx(records.clone(), expected.clone(), &twice);
        assert!(!matches!(cause(&grain, "user_id", &["clicks"], &alone, &twice), Some(Cause::FanOut { .. })));
        let mut joined = records;
        joined.push(json!({"users": {"user_id": 1, "plan": "pro"}}));
        let both = cx(joined, expected, &twice);
        assert!(matches!(cause(&grain, "user_id", &["clicks", "users"], &both, &twice), Some(Cause::FanOut { .. })));
    }

    #[test]
    fn a_row_that_counts_less_lost_rows_and_is_no_fan_out() {
        let grain = ["plan".to_string()];
        let names = ["clicks", "users"];
        // Two clicks of user 7; a salt off by one loses one of them.
        let records = vec![
            json!({"clicks": {"click_id": 16, "user_id": 7, "ts": 0, "page": "/"}}),
            json!({"clicks": {"click_id": 17, "user_id": 7, "ts": 5, "page": "/"}}),
            json!({"users": {"user_id": 7, "plan": "pro"}}),
        ];
        let actual = [json!({"plan": "pro", "clicks": 1})];
        let lost = cx(records, vec![json!({"plan": "pro", "clicks": 2})], &actual);
        let found = cause(&grain, "user_id", &names, &lost, &actual);
        assert_eq!(
            found,
            Some(Cause::LostMatch {
                column: "user_id".into(),
                key: json!(7),
                tables: vec!["clicks".into(), "users".into()],
                short: Some(Short { grain: grain.to_vec(), key: json!(["pro"]), fields: vec!["clicks".into()] }),
            })
        );
        // Rows that carry the join key are not an aggregate's: as before.
        let rows = [json!({"customer_id": 1, "region": "eu", "order_id": 3})];
        let expected = vec![json!({"customer_id": 1, "region": "eu", "order_id": 4})];
        let records = vec![json!({"orders": {"order_id": 3, "customer_id": 1, "region": "eu", "order_ts": 0}})];
        let by_key = ["customer_id".to_string(), "region".to_string()];
        assert!(matches!(
            cause(&by_key, "customer_id", &["orders", "payments"], &cx(records, expected, &rows), &rows),
            Some(Cause::WrongMatch { .. })
        ));
    }

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
}
