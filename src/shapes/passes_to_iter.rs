//! The `passes_to_iter` call shape: `fn(source: Source, passes: u64, args..) -> impl Iterator<Item = T>`: the input read in passes (each `source.open()` replays it whole, at most `passes` times), items yielded as they are ready.

use super::{Parts, PythonScaffold, Scaffold};
use harness::protocol::{Call, CallWith, Form};
use harness::streams::RecordKind;

pub static PARTS: Parts = Parts {
    name: "passes_to_iter",
    record: RecordKind::Events,
    call: Call { with: CallWith::Passes, form: Form::List },
    rust: super::rust_calls::PASSES_TO_ITER,
    scaffold: Scaffold {
        about: include_str!("passes_to_iter/about.toml.tmpl"),
        order: "free",
        grain: "[]",
        args: "[\"8\"]",
        limits: "# A map of every user is eight buckets' worth; a Python worker's own\n# memory is a good part of the reference's, so the factor is tight.\nmemory_factor = 2.0\n",
        cases: Some(include_str!("passes_to_iter/cases.toml.tmpl")),
        sources: &[
            ("starter.rs", include_str!("passes_to_iter/starter.rs.tmpl")),
            ("reference.rs", include_str!("passes_to_iter/reference.rs.tmpl")),
            ("mutants/misses_a_bucket.rs", include_str!("passes_to_iter/mutants/misses_a_bucket.rs.tmpl")),
            ("mutants/one_pass.rs", include_str!("passes_to_iter/mutants/one_pass.rs.tmpl")),
        ],
    },
    python: PythonScaffold {
        table: include_str!("passes_to_iter/python.toml.tmpl"),
        sources: &[
            ("starter.py", include_str!("passes_to_iter/starter.py.tmpl")),
            ("reference.py", include_str!("passes_to_iter/reference.py.tmpl")),
            ("mutants/misses_a_bucket.py", include_str!("passes_to_iter/mutants/misses_a_bucket.py.tmpl")),
            ("mutants/one_pass.py", include_str!("passes_to_iter/mutants/one_pass.py.tmpl")),
        ],
    },
};

/// The most passes a source's budget may give: each is a copy of the
/// stream fed to a Python worker.
pub const MAX_PASSES: u32 = 64;

/// A call's budget of passes: its first argument after the source, a whole
/// number from 1 to [`MAX_PASSES`]; `None` when it is not one.
pub fn budget(args: &[serde_json::Value]) -> Option<u32> {
    let n = args.first()?.as_u64()?;
    u32::try_from(n).ok().filter(|n| (1..=MAX_PASSES).contains(n))
}
