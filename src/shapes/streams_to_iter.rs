//! The `streams_to_iter` call shape: `fn(streams: Vec<Partition>, args..) -> impl Iterator<Item = T>`: the input split into sorted streams, one per partition (`stream.partitions`), each read lazily; items yielded as they are ready.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "streams_to_iter",
    record: RecordKind::Events,
    call: Call { with: CallWith::Streams, form: Form::List },
    rust: super::rust_calls::STREAMS_TO_ITER,
    scaffold: Scaffold {
        about: include_str!("streams_to_iter/about.toml.tmpl"),
        order: "ordered",
        grain: "[]",
        args: "[]",
        limits: "",
        cases: Some(include_str!("streams_to_iter/cases.toml.tmpl")),
        sources: &[
            ("starter.rs", include_str!("streams_to_iter/starter.rs.tmpl")),
            ("reference.rs", include_str!("streams_to_iter/reference.rs.tmpl")),
            ("mutants/concatenates.rs", include_str!("streams_to_iter/mutants/concatenates.rs.tmpl")),
            ("mutants/collect_and_sort.rs", include_str!("streams_to_iter/mutants/collect_and_sort.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("streams_to_iter/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("streams_to_iter/starter.py.tmpl")),
            ("reference.py", include_str!("streams_to_iter/reference.py.tmpl")),
            ("mutants/concatenates.py", include_str!("streams_to_iter/mutants/concatenates.py.tmpl")),
            ("mutants/collect_and_sort.py", include_str!("streams_to_iter/mutants/collect_and_sort.py.tmpl")),
        ],
    },
};
