//! The reviewer's input file: JSON lines, one record a line, each written
//! as a counterexample shows it (or one JSON array of them, as a report's
//! `counterexample` is). Every bad line is found, not only the first, and
//! the file is only read.

use anyhow::{Context, Result};
use harness::datasets::Dataset;
use harness::given::{Problem, parse_line, parse_value};
use harness::rust_worker::Record;
use harness::streams::RecordKind;
use std::path::Path;

/// A line that is not a record of the kata's input.
#[derive(Clone, Debug, PartialEq)]
pub struct BadLine {
    /// 1-based; 0 for an array's element, with `index` set.
    pub line: usize,
    /// For a JSON array: the element's 0-based index.
    pub index: Option<usize>,
    pub problem: Problem,
}

/// The file's records, or every line that is wrong.
pub fn read(path: &Path, kind: RecordKind, dataset: Option<Dataset>) -> Result<Result<Vec<Record>, Vec<BadLine>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(parse(&text, kind, dataset))
}

pub fn parse(text: &str, kind: RecordKind, dataset: Option<Dataset>) -> Result<Vec<Record>, Vec<BadLine>> {
    let mut records = Vec::new();
    let mut bad = Vec::new();
    if text.trim_start().starts_with('[') {
        return match serde_json::from_str::<Vec<serde_json::Value>>(text) {
            Ok(values) => {
                for (i, v) in values.into_iter().enumerate() {
                    match parse_value(v, kind, dataset) {
                        Ok(r) => records.push(r),
                        Err(problem) => bad.push(BadLine { line: 0, index: Some(i), problem }),
                    }
                }
                if bad.is_empty() { Ok(records) } else { Err(bad) }
            }
            Err(e) => {
                Err(vec![BadLine { line: e.line(), index: None, problem: Problem::NotJson { detail: e.to_string() } }])
            }
        };
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line, kind, dataset) {
            Ok(r) => records.push(r),
            Err(problem) => bad.push(BadLine { line: i + 1, index: None, problem }),
        }
    }
    if bad.is_empty() { Ok(records) } else { Err(bad) }
}

/// A problem in words.
pub fn describe(problem: &Problem) -> String {
    match problem {
        Problem::NotJson { detail } => format!("not JSON ({detail})"),
        Problem::NotAnObject => "not a JSON object: each record is one object".to_string(),
        Problem::MissingField { field } => format!("`{field}` is missing"),
        Problem::WrongType { field, wants } => format!("`{field}` must be {wants}"),
        Problem::UnknownField { field } => format!("an event has no field `{field}`"),
        Problem::NotOneTable => {
            "a table row is one table's name and its row, e.g. {\"orders\": {\"order_id\": 1, ...}}".to_string()
        }
        Problem::UnknownTable { table, tables } => {
            format!("this kata has no table `{table}` (its tables: {})", tables.join(", "))
        }
        Problem::UnknownColumn { table, column } => format!("the table `{table}` has no column `{column}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EV: &str = r#"{"event_id":"e","user_id":1,"event_type":"a","ts":0,"ingested_at":0,"updated_by":null}"#;

    #[test]
    fn every_bad_line_is_named_and_blank_lines_are_skipped() {
        let text = format!("{EV}\n\n{{\"event_id\":\"x\"}}\nnope\n{EV}\n");
        let bad = parse(&text, RecordKind::Events, None).unwrap_err();
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), vec![3, 4]);
        assert_eq!(parse(&format!("{EV}\n\n{EV}"), RecordKind::Events, None).unwrap().len(), 2);
    }

    #[test]
    fn a_counterexample_array_reads_too() {
        assert_eq!(parse(&format!("[{EV}, {EV}]"), RecordKind::Events, None).unwrap().len(), 2);
        let bad = parse(&format!("[{EV}, 3]"), RecordKind::Events, None).unwrap_err();
        assert_eq!(bad[0].index, Some(1));
    }
}
