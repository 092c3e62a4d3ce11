//! The `events_to_map` call shape: `fn(impl Iterator<Item = Event>, args..) -> HashMap/BTreeMap<K, V>`: its pairs are the output.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "events_to_map",
    record: RecordKind::Events,
    call: Call { with: CallWith::Records, form: Form::Map },
    rust: super::rust_calls::EVENTS_TO_MAP,
    scaffold: Scaffold {
        about: include_str!("events_to_map/about.toml.tmpl"),
        order: "free",
        grain: "[\"key\"]",
        args: "[]",
        limits: "",
        cases: None,
        sources: &[
            ("starter.rs", include_str!("events_to_map/starter.rs.tmpl")),
            ("reference.rs", include_str!("events_to_map/reference.rs.tmpl")),
            ("mutants/wrong_key.rs", include_str!("events_to_map/mutants/wrong_key.rs.tmpl")),
            ("mutants/collect_first.rs", include_str!("events_to_map/mutants/collect_first.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("events_to_map/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("events_to_map/starter.py.tmpl")),
            ("reference.py", include_str!("events_to_map/reference.py.tmpl")),
            ("mutants/wrong_key.py", include_str!("events_to_map/mutants/wrong_key.py.tmpl")),
            ("mutants/collect_first.py", include_str!("events_to_map/mutants/collect_first.py.tmpl")),
        ],
    },
};
