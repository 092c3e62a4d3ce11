//! A kata's call shape: how its entry function is called, what it
//! returns, and how a worker that is fed calls it.

use grader::protocol::{Call, CallWith, Form};
use grader::streams::RecordKind;
use serde::Deserialize;

/// How a kata's entry function is called and what it returns. Each shape
/// is one template of harness glue (see `compile::glue`); a new kata of an
/// existing shape needs no code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// `fn(impl Iterator<Item = Event>, args..) -> HashMap/BTreeMap<K, V>`
    EventsToMap,
    /// `fn(impl Iterator<Item = Event>, args..) -> Vec<T>` (or any collection)
    EventsToList,
    /// `fn(impl Iterator<Item = Event>, args..) -> impl Iterator<Item = T>`
    EventsToIter,
    /// `fn(impl Iterator<Item = Event>, args..) -> T`, compared as one value
    EventsToValue,
    /// `fn(impl Iterator<Item = RawRow>, args..) -> (Vec<P>, Vec<Quarantined>)`
    RowsToSplit,
    /// `fn(impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, args..)`,
    /// run by each case's `job` procedure; the store it leaves is compared
    EventsToTable,
    /// `fn(state: &mut S, chunk: impl Iterator<Item = Event>, last: bool, args..) -> Vec<T>`,
    /// fed one hour of events at a time, its state checkpointed between chunks
    ChunksToList,
    /// `fn(DataFrame, .., args..) -> datafusion::error::Result<DataFrame>`,
    /// one DataFrame per table of the kata's dataset, run on Apache DataFusion
    #[serde(rename = "dataframes")]
    DataFrames,
}

impl Shape {
    pub const ALL: [Shape; 8] = [
        Shape::EventsToMap,
        Shape::EventsToList,
        Shape::EventsToIter,
        Shape::EventsToValue,
        Shape::RowsToSplit,
        Shape::EventsToTable,
        Shape::ChunksToList,
        Shape::DataFrames,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::EventsToMap => "events_to_map",
            Shape::EventsToList => "events_to_list",
            Shape::EventsToIter => "events_to_iter",
            Shape::EventsToValue => "events_to_value",
            Shape::RowsToSplit => "rows_to_split",
            Shape::EventsToTable => "events_to_table",
            Shape::ChunksToList => "chunks_to_list",
            Shape::DataFrames => "dataframes",
        }
    }

    /// How a worker that is fed calls an entry function of this shape,
    /// and the form of the items it sends back: the shape in a worker's
    /// terms, so that a worker in another language only executes it.
    pub fn call(self) -> Call {
        let (with, form) = match self {
            Shape::EventsToMap => (CallWith::Records, Form::Map),
            Shape::EventsToList | Shape::EventsToIter => (CallWith::Records, Form::List),
            Shape::EventsToValue => (CallWith::Records, Form::Value),
            Shape::RowsToSplit => (CallWith::Records, Form::Split),
            Shape::EventsToTable => (CallWith::Job, Form::List),
            Shape::ChunksToList => (CallWith::Chunks, Form::List),
            Shape::DataFrames => (CallWith::Tables, Form::List),
        };
        Call { with, form }
    }

    /// The kind of record the shape's input iterator yields.
    pub fn record_kind(self) -> RecordKind {
        match self {
            Shape::RowsToSplit => RecordKind::Rows,
            Shape::DataFrames => RecordKind::Tables,
            _ => RecordKind::Events,
        }
    }
}
