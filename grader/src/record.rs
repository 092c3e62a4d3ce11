//! One input record of any kind: an event, a raw row, or a table row. The
//! unit of selections, counterexamples and a reviewer's given input.

use crate::prelude::{Event, RawRow};
use crate::sink::to_value;
use crate::tables::TableRow;
use serde_json::Value;

/// One input record of any kind, for selections and counterexamples.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Event(Event),
    Row(RawRow),
    Table(TableRow),
}

impl Record {
    /// The record as a counterexample shows it.
    pub fn to_value(&self) -> Value {
        match self {
            Record::Event(e) => to_value(e),
            Record::Row(x) => Value::Object(x.clone()),
            Record::Table(t) => t.to_value(),
        }
    }

    /// The chunk of a resumable job's input the record falls in
    /// ([`crate::chunks`]); records that are not events have no time, and
    /// stay together.
    pub fn chunk(&self) -> i64 {
        match self {
            Record::Event(e) => crate::chunks::chunk_of(e.ts),
            Record::Row(_) | Record::Table(_) => 0,
        }
    }
}
