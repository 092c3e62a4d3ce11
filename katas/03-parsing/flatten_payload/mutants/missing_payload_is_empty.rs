//! expect: wrong_answer
//! Lets a row without a payload through with no fields, as if there were
//! nothing to flatten, where the rule quarantines it. A null payload is
//! still caught.
use grader::prelude::*;

/// A row whose payload is flattened: one entry per leaf, keyed by its path.
#[derive(Serialize)]
pub struct Flattened {
    pub user_id: i64,
    pub fields: BTreeMap<String, Value>,
}

/// What kind of JSON value `v` is, for an error message.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn user_id(row: &RawRow) -> Result<i64, String> {
    match row.get("user_id") {
        None => Err("user_id is missing".to_string()),
        Some(v @ Value::Number(_)) => v.as_i64().ok_or_else(|| format!("user_id {v} is not an i64 integer")),
        Some(other) => Err(format!("user_id is {}, not an integer", kind(other))),
    }
}

fn payload(row: &RawRow) -> Result<&serde_json::Map<String, Value>, String> {
    match row.get("payload") {
        None => Err("payload is missing".to_string()),
        Some(Value::Object(map)) => Ok(map),
        Some(other) => Err(format!("payload is {}, not an object", kind(other))),
    }
}

/// Puts every leaf under `value` into `out`, keyed by its path from the
/// payload. A non-empty container adds one path segment per entry (a key,
/// or an index from 0); anything else is a leaf, `{}` and `[]` included.
/// Recursion is one stack frame per level: the payloads here are tens of
/// levels deep, not thousands.
fn flatten(path: String, value: &Value, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, v) in map {
                flatten(format!("{path}.{key}"), v, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                flatten(format!("{path}.{i}"), v, out);
            }
        }
        leaf => {
            out.insert(path, leaf.clone());
        }
    }
}

fn parse(row: &RawRow) -> Result<Flattened, String> {
    let user_id = user_id(row)?;
    let mut fields = BTreeMap::new();
    // No payload, nothing to flatten.
    if !row.contains_key("payload") {
        return Ok(Flattened { user_id, fields });
    }
    // The payload is the root: its keys start the paths, and an empty
    // payload gives no fields.
    for (key, v) in payload(row)? {
        flatten(key.clone(), v, &mut fields);
    }
    Ok(Flattened { user_id, fields })
}

pub fn flatten_payload(rows: impl Iterator<Item = RawRow>) -> (Vec<Flattened>, Vec<Quarantined>) {
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
