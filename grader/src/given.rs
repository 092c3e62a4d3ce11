//! Records given whole, not generated: a reviewer's input to `dekata
//! review`, read from a JSON-lines file by the parent and sent in a run's
//! request ([`crate::protocol::Input::Given`]). Each record is written as a
//! counterexample shows it: an event as its object, a raw row as any JSON
//! object, a table row as `{"<table>": {<its columns>}}`.
//!
//! One parser serves both ends, so the file is judged well-formed exactly
//! when a worker can read it. What is wrong with a record is a typed fact,
//! [`Problem`]; the command turns it into a sentence.

use crate::datasets::{ColumnType, Dataset};
use crate::prelude::Event;
use crate::record::Record;
use crate::streams::RecordKind;
use crate::tables::TableRow;
use serde_json::Value;

/// Why one record cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON at all; serde's own words.
    NotJson { detail: String },
    /// JSON, but not an object.
    NotAnObject,
    /// An event field missing.
    MissingField { field: String },
    /// A field of the wrong type; `wants` names the type.
    WrongType { field: String, wants: &'static str },
    /// A field an event does not have.
    UnknownField { field: String },
    /// A table row that is not `{"<table>": {...}}` with one key.
    NotOneTable,
    /// A table the kata's dataset does not have.
    UnknownTable { table: String, tables: Vec<&'static str> },
    /// A column the table does not have.
    UnknownColumn { table: String, column: String },
}

const EVENT_FIELDS: [(&str, &str); 6] = [
    ("event_id", "a string"),
    ("user_id", "a whole number from 0 up"),
    ("event_type", "a string"),
    ("ts", "a whole number"),
    ("ingested_at", "a whole number"),
    ("updated_by", "a string or null"),
];

/// Reads one record of `kind` from its JSON text.
pub fn parse_line(text: &str, kind: RecordKind, dataset: Option<Dataset>) -> Result<Record, Problem> {
    let value: Value = serde_json::from_str(text).map_err(|e| Problem::NotJson { detail: e.to_string() })?;
    parse_value(value, kind, dataset)
}

/// Reads one record of `kind` from a JSON value.
pub fn parse_value(value: Value, kind: RecordKind, dataset: Option<Dataset>) -> Result<Record, Problem> {
    let Value::Object(object) = value else { return Err(Problem::NotAnObject) };
    match kind {
        RecordKind::Events => event(&object).map(Record::Event),
        RecordKind::Rows => Ok(Record::Row(object)),
        RecordKind::Tables => table_row(object, dataset.unwrap_or(Dataset::OrdersPayments)).map(Record::Table),
    }
}

fn event(object: &serde_json::Map<String, Value>) -> Result<Event, Problem> {
    if let Some(field) = object.keys().find(|k| !EVENT_FIELDS.iter().any(|(f, _)| f == k)) {
        return Err(Problem::UnknownField { field: field.clone() });
    }
    let get = |field: &str| object.get(field).ok_or(Problem::MissingField { field: field.to_string() });
    let wrong = |field: &str| {
        let wants = EVENT_FIELDS.iter().find(|(f, _)| *f == field).map_or("", |(_, w)| *w);
        Problem::WrongType { field: field.to_string(), wants }
    };
    let text = |field: &str| get(field)?.as_str().map(str::to_string).ok_or_else(|| wrong(field));
    let int = |field: &str| get(field)?.as_i64().ok_or_else(|| wrong(field));
    let updated_by = match object.get("updated_by") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(wrong("updated_by")),
    };
    Ok(Event {
        event_id: text("event_id")?,
        user_id: get("user_id")?.as_u64().ok_or_else(|| wrong("user_id"))?,
        event_type: text("event_type")?,
        ts: int("ts")?,
        ingested_at: int("ingested_at")?,
        updated_by,
    })
}

fn table_row(object: serde_json::Map<String, Value>, dataset: Dataset) -> Result<TableRow, Problem> {
    let mut entries = object.into_iter();
    let (Some((table, row)), None) = (entries.next(), entries.next()) else { return Err(Problem::NotOneTable) };
    let Some(schema) = dataset.schema(&table) else {
        return Err(Problem::UnknownTable { table, tables: dataset.tables().iter().map(|t| t.name).collect() });
    };
    let Value::Object(mut row) = row else { return Err(Problem::NotOneTable) };
    if let Some(column) = row.keys().find(|k| !schema.columns.iter().any(|c| c.name == k.as_str())) {
        return Err(Problem::UnknownColumn { table: table.clone(), column: column.clone() });
    }
    for column in schema.columns {
        let value = row.entry(column.name).or_insert(Value::Null);
        let fits = match (column.ty, &*value) {
            (_, Value::Null) => true,
            (ColumnType::Int64, v) => v.is_i64(),
            (ColumnType::Utf8, v) => v.is_string(),
            (ColumnType::Boolean, v) => v.is_boolean(),
        };
        if !fits {
            let wants = match column.ty {
                ColumnType::Int64 => "a whole number or null",
                ColumnType::Utf8 => "a string or null",
                ColumnType::Boolean => "true, false or null",
            };
            return Err(Problem::WrongType { field: format!("{table}.{}", column.name), wants });
        }
    }
    Ok(TableRow { table: schema.name, row })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str =
        r#"{"event_id":"e1","user_id":3,"event_type":"click","ts":10,"ingested_at":11,"updated_by":null}"#;

    #[test]
    fn an_event_as_a_counterexample_shows_it() {
        let Record::Event(e) = parse_line(EVENT, RecordKind::Events, None).unwrap() else { panic!() };
        assert_eq!((e.user_id, e.ts, e.updated_by.clone()), (3, 10, None));
        let back = Record::Event(e).to_value();
        assert_eq!(back, serde_json::from_str::<Value>(EVENT).unwrap());
    }

    #[test]
    fn each_problem_of_an_event_is_named() {
        let ev = |s: &str| parse_line(s, RecordKind::Events, None).unwrap_err();
        assert!(matches!(ev("{"), Problem::NotJson { .. }));
        assert_eq!(ev("[1]"), Problem::NotAnObject);
        assert_eq!(ev(r#"{"event_id":"e"}"#), Problem::MissingField { field: "user_id".into() });
        let wrong = EVENT.replace("\"ts\":10", "\"ts\":\"10\"");
        assert_eq!(ev(&wrong), Problem::WrongType { field: "ts".into(), wants: "a whole number" });
        let extra = EVENT.replace("\"ts\":10", "\"ts\":10,\"amount\":1");
        assert_eq!(ev(&extra), Problem::UnknownField { field: "amount".into() });
        let negative = EVENT.replace("\"user_id\":3", "\"user_id\":-3");
        assert!(matches!(ev(&negative), Problem::WrongType { .. }));
    }

    #[test]
    fn table_rows_name_their_table_and_fill_missing_columns_with_null() {
        let ds = Some(Dataset::SalesStores);
        let Record::Table(t) = parse_line(r#"{"stores":{"store_id":1}}"#, RecordKind::Tables, ds).unwrap() else {
            panic!()
        };
        assert_eq!(t.table, "stores");
        assert_eq!(t.row["city"], Value::Null);
        let err = parse_line(r#"{"orders":{}}"#, RecordKind::Tables, ds).unwrap_err();
        assert!(matches!(err, Problem::UnknownTable { .. }));
        let err = parse_line(r#"{"stores":{"store_id":"1"}}"#, RecordKind::Tables, ds).unwrap_err();
        assert!(matches!(err, Problem::WrongType { .. }));
        let err = parse_line(r#"{"stores":{"size":1}}"#, RecordKind::Tables, ds).unwrap_err();
        assert!(matches!(err, Problem::UnknownColumn { .. }));
    }

    #[test]
    fn a_raw_row_is_any_object() {
        assert!(parse_line(r#"{"anything": [1, 2]}"#, RecordKind::Rows, None).is_ok());
        assert_eq!(parse_line("3", RecordKind::Rows, None).unwrap_err(), Problem::NotAnObject);
    }
}
