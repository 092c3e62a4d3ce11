//! Result batches back into rows: one JSON object per row, keyed by column
//! name, nulls as JSON nulls.

use datafusion::arrow::record_batch::RecordBatch;
use datafusion::common::ScalarValue;
use harness::protocol::Problem;
use harness::sink::Sink;
use serde_json::{Map, Value, json};

pub fn rows(batches: &[RecordBatch], out: &mut Sink) {
    let Some(first) = batches.first() else { return };
    let schema = first.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            out.problem(Problem::DuplicateColumn { name: name.to_string() });
        }
    }
    for batch in batches {
        for row in 0..batch.num_rows() {
            let mut object = Map::new();
            for (name, column) in names.iter().zip(batch.columns()) {
                let value = ScalarValue::try_from_array(column, row)
                    .map(|s| scalar(&s))
                    .unwrap_or_else(|e| json!(format!("<unreadable: {e}>")));
                object.insert((*name).to_string(), value);
            }
            out.push(Value::Object(object));
        }
    }
}

/// A cell as JSON: integers and booleans as themselves, text as strings,
/// any other type as the engine prints it.
fn scalar(s: &ScalarValue) -> Value {
    if s.is_null() {
        return Value::Null;
    }
    match s {
        ScalarValue::Boolean(Some(b)) => json!(b),
        ScalarValue::Int8(Some(v)) => json!(v),
        ScalarValue::Int16(Some(v)) => json!(v),
        ScalarValue::Int32(Some(v)) => json!(v),
        ScalarValue::Int64(Some(v)) => json!(v),
        ScalarValue::UInt8(Some(v)) => json!(v),
        ScalarValue::UInt16(Some(v)) => json!(v),
        ScalarValue::UInt32(Some(v)) => json!(v),
        ScalarValue::UInt64(Some(v)) => json!(v),
        ScalarValue::Float32(Some(v)) => json!(v),
        ScalarValue::Float64(Some(v)) => json!(v),
        ScalarValue::Utf8(Some(v)) | ScalarValue::LargeUtf8(Some(v)) | ScalarValue::Utf8View(Some(v)) => json!(v),
        other => json!(other.to_string()),
    }
}
