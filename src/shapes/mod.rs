//! The call shapes: how a kata's entry function is called and what it
//! returns. Each shape is one module, the home of everything about it: its
//! signature, how a worker that is fed calls it, and the scaffold `dekata
//! new` writes for it in each language (the templates in the folder named
//! after it). The Rust harness's call of every shape is in `rust_calls`,
//! which build.rs compiles as well.

mod chunks_to_list;
mod dataframes;
mod events_to_iter;
mod events_to_list;
mod events_to_map;
mod events_to_table;
mod events_to_value;
pub mod passes_to_iter;
mod rows_to_split;
pub mod rust_calls;
mod streams_to_iter;

use harness::protocol::Call;
use harness::streams::RecordKind;
use serde::Deserialize;

/// How a kata's entry function is called and what it returns. Each shape
/// is a module of its own here; a new kata of an existing shape needs no
/// code.
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
    /// `fn(source: Source, passes: u64, args..) -> impl Iterator<Item = T>`:
    /// the input read in passes, at most the first argument's number
    PassesToIter,
    /// `fn(streams: Vec<Partition>, args..) -> impl Iterator<Item = T>`: the
    /// input as sorted streams, one per partition (`stream.partitions`)
    StreamsToIter,
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

/// Everything about one call shape.
pub struct Parts {
    /// The shape's name in kata.toml.
    pub name: &'static str,
    /// The kind of record the entry function's input yields.
    pub record: RecordKind,
    /// How a worker that is fed calls the entry function, and the form of
    /// what it sends back.
    pub call: Call,
    /// The Rust harness's call of the entry function.
    pub rust: rust_calls::RustCall,
    /// What `dekata new` writes for the shape.
    pub scaffold: Scaffold,
    /// What `dekata new --lang python` adds.
    pub python: PythonScaffold,
}

/// Files a scaffold writes, by path in the kata's folder, and their text.
pub type Sources = &'static [(&'static str, &'static str)];

/// A shape's Rust scaffold.
pub struct Scaffold {
    /// The kata.toml's opening (title, prompt, hints).
    pub about: &'static str,
    /// Its `compare.order`.
    pub order: &'static str,
    /// Its `compare.grain`.
    pub grain: &'static str,
    /// Its `args`, the entry function's arguments after its input.
    pub args: &'static str,
    /// Lines of its `[limits]`, when the shape's memory case needs its own.
    pub limits: &'static str,
    /// Its `[stream]` and `[[cases]]`, when the shape needs its own.
    pub cases: Option<&'static str>,
    pub sources: Sources,
}

/// A shape's Python form: its `[python]` table and its `.py` files.
pub struct PythonScaffold {
    pub table: &'static str,
    pub sources: Sources,
}

impl Shape {
    pub const ALL: [Shape; 10] = [
        Shape::EventsToMap,
        Shape::EventsToList,
        Shape::EventsToIter,
        Shape::EventsToValue,
        Shape::PassesToIter,
        Shape::StreamsToIter,
        Shape::RowsToSplit,
        Shape::EventsToTable,
        Shape::ChunksToList,
        Shape::DataFrames,
    ];

    /// Everything about the shape.
    pub fn parts(self) -> &'static Parts {
        match self {
            Shape::EventsToMap => &events_to_map::PARTS,
            Shape::EventsToList => &events_to_list::PARTS,
            Shape::EventsToIter => &events_to_iter::PARTS,
            Shape::EventsToValue => &events_to_value::PARTS,
            Shape::PassesToIter => &passes_to_iter::PARTS,
            Shape::StreamsToIter => &streams_to_iter::PARTS,
            Shape::RowsToSplit => &rows_to_split::PARTS,
            Shape::EventsToTable => &events_to_table::PARTS,
            Shape::ChunksToList => &chunks_to_list::PARTS,
            Shape::DataFrames => &dataframes::PARTS,
        }
    }

    pub fn name(self) -> &'static str {
        self.parts().name
    }

    /// How a worker that is fed calls an entry function of this shape,
    /// and the form of the items it sends back: the shape in a worker's
    /// terms, so that a worker in another language only executes it.
    pub fn call(self) -> Call {
        self.parts().call
    }

    /// The kind of record the shape's input iterator yields.
    pub fn record_kind(self) -> RecordKind {
        self.parts().record
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shape_is_named_as_kata_toml_names_it() {
        for shape in Shape::ALL {
            let parsed: Shape = serde_json::from_value(serde_json::json!(shape.name())).unwrap();
            assert_eq!(parsed, shape);
            assert!(!shape.parts().scaffold.sources.is_empty() && !shape.parts().python.sources.is_empty());
            // build.rs finds the shape's Rust call by the same name.
            let found = rust_calls::of_shape(shape.name()).expect("every shape has a Rust call");
            let args = ["60".to_string()];
            assert_eq!(
                rust_calls::body(found, "m", "f", &args, 2),
                rust_calls::body(shape.parts().rust, "m", "f", &args, 2),
                "{}",
                shape.name()
            );
        }
    }
}
