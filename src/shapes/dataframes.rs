//! The `dataframes` call shape: `fn(DataFrame, .., args..) -> datafusion::error::Result<DataFrame>`, one DataFrame per table of the kata's dataset, run on Apache DataFusion (and `def f(DataFrame, ..)` on PySpark).

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "dataframes",
    record: RecordKind::Tables,
    call: Call { with: CallWith::Tables, form: Form::List },
    rust: super::rust_calls::DATAFRAMES,
    scaffold: Scaffold {
        about: include_str!("dataframes/about.toml.tmpl"),
        order: "free",
        grain: "[\"user_id\"]",
        args: "[]",
        limits: "",
        cases: Some(include_str!("dataframes/cases.toml.tmpl")),
        sources: &[
            ("starter.rs", include_str!("dataframes/starter.rs.tmpl")),
            ("reference.rs", include_str!("dataframes/reference.rs.tmpl")),
            ("mutants/counts_nobody.rs", include_str!("dataframes/mutants/counts_nobody.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("dataframes/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("dataframes/starter.py.tmpl")),
            ("reference.py", include_str!("dataframes/reference.py.tmpl")),
            ("mutants/counts_nobody.py", include_str!("dataframes/mutants/counts_nobody.py.tmpl")),
            ("mutants/not_equal_none.py", include_str!("dataframes/mutants/not_equal_none.py.tmpl")),
        ],
    },
};
