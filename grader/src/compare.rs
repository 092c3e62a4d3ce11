//! Comparison of canonical output items: order, float tolerance, grain.

use crate::protocol::Order;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// Sorts items by their canonical text when order is free. With a float
/// tolerance, numbers are rounded to the tolerance for sorting only, so that
/// nearly equal items line up.
pub fn sort_canonical(items: &mut [Value], order: Order, tolerance: f64) {
    if order == Order::Free {
        items.sort_by_cached_key(|v| sort_key(v, tolerance));
    }
}

fn sort_key(v: &Value, tolerance: f64) -> String {
    if tolerance > 0.0 { rounded(v, tolerance).to_string() } else { v.to_string() }
}

fn rounded(v: &Value, tolerance: f64) -> Value {
    match v {
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap_or(0.0);
            serde_json::Number::from_f64((x / tolerance).round() * tolerance).map_or(Value::Null, Value::Number)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| rounded(x, tolerance)).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, x)| (k.clone(), rounded(x, tolerance))).collect()),
        other => other.clone(),
    }
}

/// Whether an output agrees with the expected one as `spec` compares them:
/// within the relative error bound of an estimate, else equal item by item
/// (both lists already in canonical order).
pub fn outputs_agree(expected: &[Value], actual: &[Value], spec: &crate::protocol::CompareSpec) -> bool {
    if spec.relative_tolerance > 0.0 {
        let bound = Bound { relative: spec.relative_tolerance, absolute: spec.float_tolerance };
        return estimates_agree(expected, actual, &spec.grain, bound);
    }
    items_equal(expected, actual, spec.float_tolerance)
}

/// How far an estimate may be from the truth: `relative` of it, plus
/// `absolute` (a floor for small counts, where one unit is a large share).
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    pub relative: f64,
    pub absolute: f64,
}

/// Items matched by their grain (in order without one), every number
/// within the bound of the expected one.
fn estimates_agree(expected: &[Value], actual: &[Value], grain: &[String], relative: Bound) -> bool {
    if expected.len() != actual.len() {
        return false;
    }
    if grain.is_empty() {
        return expected.iter().zip(actual).all(|(e, a)| values_close(e, a, relative));
    }
    let key = |v: &Value| grain.iter().map(|f| v.get(f).map(Value::to_string).unwrap_or_default()).collect::<Vec<_>>();
    let actual_by_key: std::collections::HashMap<Vec<String>, &Value> = actual.iter().map(|a| (key(a), a)).collect();
    expected.iter().all(|e| actual_by_key.get(&key(e)).is_some_and(|a| values_close(e, a, relative)))
}

/// Structural equality where any two numbers are equal within the bound
/// of the expected one.
pub fn values_close(expected: &Value, actual: &Value, relative: Bound) -> bool {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap_or(f64::NAN), a.as_f64().unwrap_or(f64::NAN));
            (e - a).abs() <= relative.relative * e.abs() + relative.absolute
        }
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| values_close(x, y, relative))
        }
        (Value::Object(e), Value::Object(a)) => {
            e.len() == a.len() && e.iter().all(|(k, x)| a.get(k).is_some_and(|y| values_close(x, y, relative)))
        }
        (e, a) => e == a,
    }
}

/// Equal item lists (both already in canonical order).
pub fn items_equal(expected: &[Value], actual: &[Value], tolerance: f64) -> bool {
    expected.len() == actual.len() && expected.iter().zip(actual).all(|(e, a)| values_equal(e, a, tolerance))
}

/// Structural equality where floats may differ by `tolerance`.
pub fn values_equal(expected: &Value, actual: &Value, tolerance: f64) -> bool {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            if e == a {
                return true;
            }
            // JSON types count: an integer is never equal to a float,
            // however close (`5` against `5.0`).
            if tolerance > 0.0 && e.is_f64() && a.is_f64() {
                let (e, a) = (e.as_f64().unwrap_or(f64::NAN), a.as_f64().unwrap_or(f64::NAN));
                return (e - a).abs() <= tolerance;
            }
            false
        }
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| values_equal(x, y, tolerance))
        }
        (Value::Object(e), Value::Object(a)) => {
            e.len() == a.len() && e.iter().all(|(k, x)| a.get(k).is_some_and(|y| values_equal(x, y, tolerance)))
        }
        (e, a) => e == a,
    }
}

/// Output items that share a grain key, which must be unique.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GrainViolation {
    /// How many items share it.
    pub rows: usize,
    /// The grain's fields.
    pub fields: Vec<String>,
    /// The shared key: the grain fields' values, as an array.
    pub key: Value,
}

/// The first grain key that more than one output item shares, or `None`
/// when the grain holds. Fields are top-level keys of an item; a dotted
/// name reaches into nested objects.
pub fn grain_violation(items: &[Value], grain: &[String]) -> Option<GrainViolation> {
    if grain.is_empty() {
        return None;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut first_dup: Option<(String, Value)> = None;
    for item in items {
        let key = Value::Array(grain.iter().map(|g| field(item, g).cloned().unwrap_or(Value::Null)).collect());
        let text = key.to_string();
        let n = seen.entry(text.clone()).or_insert(0);
        *n += 1;
        if *n == 2 && first_dup.is_none() {
            first_dup = Some((text, key));
        }
    }
    let (text, key) = first_dup?;
    Some(GrainViolation { rows: seen[&text], fields: grain.to_vec(), key })
}

fn field<'a>(item: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(item, |v, part| v.get(part))
}

/// One compact JSON line per item, for diffs.
pub fn lines(items: &[Value]) -> Vec<String> {
    items.iter().map(Value::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_agree_within_their_bound_matched_by_grain() {
        use crate::protocol::CompareSpec;
        let spec = CompareSpec { relative_tolerance: 0.05, grain: vec!["day".into()], ..CompareSpec::default() };
        let e = [json!({"day": 1, "n": 1000}), json!({"day": 2, "n": 10})];
        assert!(outputs_agree(&e, &[json!({"day": 2, "n": 10}), json!({"day": 1, "n": 1049})], &spec));
        assert!(!outputs_agree(&e, &[json!({"day": 1, "n": 1051}), json!({"day": 2, "n": 10})], &spec));
        assert!(!outputs_agree(&e, &[json!({"day": 1, "n": 1000}), json!({"day": 3, "n": 10})], &spec));
        let single = CompareSpec { relative_tolerance: 0.05, ..CompareSpec::default() };
        assert!(outputs_agree(&[json!(100)], &[json!(104.0)], &single));
        assert!(!outputs_agree(&[json!(0)], &[json!(1)], &single), "zero is estimated exactly");
        assert!(!outputs_agree(&[json!(100)], &[json!("100")], &single));
        let floored = CompareSpec { float_tolerance: 1.0, ..single };
        assert!(outputs_agree(&[json!(5)], &[json!(4)], &floored), "one unit off a small count");
        assert!(!outputs_agree(&[json!(5)], &[json!(3)], &floored));
    }
    use serde_json::json;

    #[test]
    fn tolerance_applies_to_floats_only() {
        assert!(values_equal(&json!({"x": 0.1}), &json!({"x": 0.1000001}), 1e-3));
        assert!(!values_equal(&json!({"x": 0.1}), &json!({"x": 0.2}), 1e-3));
        assert!(!values_equal(&json!(1), &json!(2), 5.0));
        assert!(!values_equal(&json!({"x": 5.0}), &json!({"x": 5}), 1e-9));
        assert!(!values_equal(&json!(5), &json!(5.0), 1e-9));
        assert!(!values_equal(&json!({"x": 1}), &json!({"x": 1, "y": 2}), 0.0));
    }

    #[test]
    fn grain_violation_names_the_key() {
        let items = vec![json!({"event_id": "a"}), json!({"event_id": "b"}), json!({"event_id": "a"})];
        let v = grain_violation(&items, &["event_id".into()]).unwrap();
        assert_eq!((v.rows, v.key.to_string()), (2, "[\"a\"]".to_string()));
        assert_eq!(grain_violation(&items[..2], &["event_id".into()]), None);
    }

    #[test]
    fn free_order_sorts_nearly_equal_floats_together() {
        let mut a = vec![json!(0.30000001), json!(0.1)];
        let mut b = vec![json!(0.1), json!(0.3)];
        sort_canonical(&mut a, Order::Free, 1e-6);
        sort_canonical(&mut b, Order::Free, 1e-6);
        assert!(items_equal(&a, &b, 1e-6));
    }
}
