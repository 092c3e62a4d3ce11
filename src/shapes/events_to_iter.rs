//! The `events_to_iter` call shape: `fn(impl Iterator<Item = Event>, args..) -> impl Iterator<Item = T>`: items in order.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "events_to_iter",
    record: RecordKind::Events,
    call: Call { with: CallWith::Records, form: Form::List },
    rust: super::rust_calls::EVENTS_TO_ITER,
    scaffold: Scaffold {
        about: include_str!("events_to_iter/about.toml.tmpl"),
        order: "ordered",
        grain: "[]",
        args: "[]",
        limits: "",
        cases: None,
        sources: &[
            ("starter.rs", include_str!("events_to_iter/starter.rs.tmpl")),
            ("reference.rs", include_str!("events_to_iter/reference.rs.tmpl")),
            ("mutants/wrong_field.rs", include_str!("events_to_iter/mutants/wrong_field.rs.tmpl")),
            ("mutants/collect_first.rs", include_str!("events_to_iter/mutants/collect_first.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("events_to_iter/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("events_to_iter/starter.py.tmpl")),
            ("reference.py", include_str!("events_to_iter/reference.py.tmpl")),
            ("mutants/wrong_field.py", include_str!("events_to_iter/mutants/wrong_field.py.tmpl")),
            ("mutants/collect_first.py", include_str!("events_to_iter/mutants/collect_first.py.tmpl")),
        ],
    },
};
