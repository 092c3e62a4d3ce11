//! The `chunks_to_list` call shape: `fn(state: &mut S, chunk: impl Iterator<Item = Event>, last: bool, args..) -> Vec<T>`, fed one hour of events at a time, its state checkpointed between chunks.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "chunks_to_list",
    record: RecordKind::Events,
    call: Call { with: CallWith::Chunks, form: Form::List },
    rust: super::rust_calls::CHUNKS_TO_LIST,
    scaffold: Scaffold {
        about: include_str!("chunks_to_list/about.toml.tmpl"),
        order: "free",
        grain: "[]",
        args: "[]",
        limits: "",
        cases: Some(include_str!("chunks_to_list/cases.toml.tmpl")),
        sources: &[
            ("starter.rs", include_str!("chunks_to_list/starter.rs.tmpl")),
            ("reference.rs", include_str!("chunks_to_list/reference.rs.tmpl")),
            ("mutants/skips_state.rs", include_str!("chunks_to_list/mutants/skips_state.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("chunks_to_list/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("chunks_to_list/starter.py.tmpl")),
            ("reference.py", include_str!("chunks_to_list/reference.py.tmpl")),
            ("mutants/skips_state.py", include_str!("chunks_to_list/mutants/skips_state.py.tmpl")),
            ("mutants/int_keys.py", include_str!("chunks_to_list/mutants/int_keys.py.tmpl")),
        ],
    },
};
