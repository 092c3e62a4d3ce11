//! The `events_to_value` call shape: `fn(impl Iterator<Item = Event>, args..) -> T`, compared as one value.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "events_to_value",
    record: RecordKind::Events,
    call: Call { with: CallWith::Records, form: Form::Value },
    rust: super::rust_calls::EVENTS_TO_VALUE,
    scaffold: Scaffold {
        about: include_str!("events_to_value/about.toml.tmpl"),
        order: "free",
        grain: "[]",
        args: "[]",
        limits: "",
        cases: None,
        sources: &[
            ("starter.rs", include_str!("events_to_value/starter.rs.tmpl")),
            ("reference.rs", include_str!("events_to_value/reference.rs.tmpl")),
            ("mutants/wrong_field.rs", include_str!("events_to_value/mutants/wrong_field.rs.tmpl")),
            ("mutants/collect_first.rs", include_str!("events_to_value/mutants/collect_first.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("events_to_value/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("events_to_value/starter.py.tmpl")),
            ("reference.py", include_str!("events_to_value/reference.py.tmpl")),
            ("mutants/wrong_field.py", include_str!("events_to_value/mutants/wrong_field.py.tmpl")),
            ("mutants/collect_first.py", include_str!("events_to_value/mutants/collect_first.py.tmpl")),
        ],
    },
};
