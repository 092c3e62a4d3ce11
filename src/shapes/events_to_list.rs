//! The `events_to_list` call shape: `fn(impl Iterator<Item = Event>, args..) -> Vec<T>` (or any collection).

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "events_to_list",
    record: RecordKind::Events,
    call: Call { with: CallWith::Records, form: Form::List },
    rust: super::rust_calls::EVENTS_TO_LIST,
    scaffold: Scaffold {
        about: include_str!("events_to_list/about.toml.tmpl"),
        order: "free",
        grain: "[]",
        args: "[]",
        limits: "",
        cases: None,
        sources: &[
            ("starter.rs", include_str!("events_to_list/starter.rs.tmpl")),
            ("reference.rs", include_str!("events_to_list/reference.rs.tmpl")),
            ("mutants/one_row_per_purchase.rs", include_str!("events_to_list/mutants/one_row_per_purchase.rs.tmpl")),
            ("mutants/collect_first.rs", include_str!("events_to_list/mutants/collect_first.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("events_to_list/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("events_to_list/starter.py.tmpl")),
            ("reference.py", include_str!("events_to_list/reference.py.tmpl")),
            ("mutants/one_row_per_purchase.py", include_str!("events_to_list/mutants/one_row_per_purchase.py.tmpl")),
            ("mutants/collect_first.py", include_str!("events_to_list/mutants/collect_first.py.tmpl")),
        ],
    },
};
