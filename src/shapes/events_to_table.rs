//! The `events_to_table` call shape: `fn(impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table, args..)`, run by each case's `job` procedure; the store it leaves is compared.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "events_to_table",
    record: RecordKind::Events,
    call: Call { with: CallWith::Job, form: Form::List },
    rust: super::rust_calls::EVENTS_TO_TABLE,
    scaffold: Scaffold {
        about: include_str!("events_to_table/about.toml.tmpl"),
        order: "free",
        grain: "[\"day\", \"user_id\"]",
        args: "[]",
        limits: "",
        cases: Some(include_str!("events_to_table/cases.toml.tmpl")),
        sources: &[
            ("starter.rs", include_str!("events_to_table/starter.rs.tmpl")),
            ("reference.rs", include_str!("events_to_table/reference.rs.tmpl")),
            ("mutants/appends.rs", include_str!("events_to_table/mutants/appends.rs.tmpl")),
            ("mutants/event_time.rs", include_str!("events_to_table/mutants/event_time.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("events_to_table/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("events_to_table/starter.py.tmpl")),
            ("reference.py", include_str!("events_to_table/reference.py.tmpl")),
            ("mutants/appends.py", include_str!("events_to_table/mutants/appends.py.tmpl")),
            ("mutants/event_time.py", include_str!("events_to_table/mutants/event_time.py.tmpl")),
        ],
    },
};
