//! The `rows_to_split` call shape: `fn(impl Iterator<Item = RawRow>, args..) -> (Vec<P>, Vec<Quarantined>)`: what parsed, and what was quarantined.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "rows_to_split",
    record: RecordKind::Rows,
    call: Call { with: CallWith::Records, form: Form::Split },
    rust: super::rust_calls::ROWS_TO_SPLIT,
    scaffold: Scaffold {
        about: include_str!("rows_to_split/about.toml.tmpl"),
        order: "ordered",
        grain: "[]",
        args: "[]",
        limits: "",
        cases: Some(include_str!("rows_to_split/cases.toml.tmpl")),
        sources: &[
            ("starter.rs", include_str!("rows_to_split/starter.rs.tmpl")),
            ("reference.rs", include_str!("rows_to_split/reference.rs.tmpl")),
            ("mutants/drops_bad_rows.rs", include_str!("rows_to_split/mutants/drops_bad_rows.rs.tmpl")),
            ("mutants/truncates_floats.rs", include_str!("rows_to_split/mutants/truncates_floats.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("rows_to_split/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("rows_to_split/starter.py.tmpl")),
            ("reference.py", include_str!("rows_to_split/reference.py.tmpl")),
            ("mutants/drops_bad_rows.py", include_str!("rows_to_split/mutants/drops_bad_rows.py.tmpl")),
            ("mutants/builtin_int.py", include_str!("rows_to_split/mutants/builtin_int.py.tmpl")),
        ],
    },
};
