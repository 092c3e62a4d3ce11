//! How a case is asked of a worker, the reference's and the learner's
//! alike: its stream, what the run returns and measures, its job, and the
//! worker's limits.

use super::run::Ask;
use crate::catalog::{Case, Kata, Kind, TableRows};
use crate::language::Language;
use crate::shapes::{Shape, passes_to_iter};
use harness::protocol::JobRun;
use harness::rng::{fnv1a, mix64};
use harness::streams::StreamSpec;
use std::time::Duration;

/// Outputs of cases up to this many events are kept whole in the report.
const KEEP_OUTPUT_UP_TO: u64 = 10_000;
/// How long a worker may take to start.
pub const STARTUP: Duration = Duration::from_secs(10);
/// The most CPU a worker may use over its whole life (a backstop: each run
/// has its own clock).
const WORKER_CPU_SECONDS: u64 = 3_600;

/// What every run of a case is asked, beside its input.
pub fn ask(kata: &Kata, case: &Case) -> Ask {
    Ask {
        order: kata.compare.order,
        // An estimate is judged item by item against the truth, on every
        // case: its output is small by nature.
        keep: (case.events <= KEEP_OUTPUT_UP_TO && case.memory.is_none()) || kata.compare.relative_tolerance > 0.0,
        heap: case.memory.is_some(),
        job: case.job.clone().map(|spec| job_run(kata, case, spec)),
        state_limit_bytes: None,
        // A memory case's stream spans weeks of hours: its worker chunks it
        // itself (the checkpoints' growth is what it measures), while every
        // other case restarts the job between chunks.
        resumable: kata.kind == Kind::Chunks && case.memory.is_none(),
        worker_chunks: kata.kind == Kind::Chunks && case.memory.is_some(),
        // kata.toml's loading made sure a passes kata's budget is one.
        passes: (kata.shape() == Shape::PassesToIter).then(|| passes_to_iter::budget(&case.args).unwrap_or(1)),
        pulled: kata.shape() == Shape::StreamsToIter,
        args: case.args.clone(),
    }
}

/// A job case's run: its procedure, its first day, and the stale rows its
/// store starts with (for workers that are fed; a Rust worker makes its own).
fn job_run(kata: &Kata, case: &Case, spec: harness::jobs::JobSpec) -> JobRun {
    use harness::jobs::{DailyCount, range_of, stale_rows};
    use harness::prelude::Event;
    let first_day = harness::jobs::utc_day(case.params.start_ts);
    let stale_rows = if spec.stale {
        let (start, end) = range_of(&spec, first_day);
        match kata.kind.table().unwrap_or_default() {
            TableRows::DailyCounts => {
                stale_rows::<DailyCount>(start, end).iter().map(harness::sink::to_value).collect()
            }
            TableRows::Events => stale_rows::<Event>(start, end).iter().map(harness::sink::to_value).collect(),
        }
    } else {
        Vec::new()
    };
    JobRun { spec, first_day, stale_rows, calls: Vec::new() }
}

/// The stream of a case: its seed derives from the check's seed and the
/// kata and case names, so every case is reproducible on its own. A case
/// may be shorter for a Python solution.
pub fn stream_spec(kata: &Kata, case: &Case, seed: u64, language: Language) -> StreamSpec {
    StreamSpec {
        record: kata.shape().record_kind(),
        seed: mix64(seed ^ fnv1a(format!("{}/{}", kata.id, case.name).as_bytes())),
        events: case.events_for(language),
        families: case.families.clone(),
        params: case.params.clone(),
        dataset: kata.kind.dataset(),
    }
}

/// A worker's limits for `kata`.
pub fn limits(kata: &Kata) -> crate::process::confine::Limits {
    crate::worker::launch::limits(kata.limits.hard_memory_mib, WORKER_CPU_SECONDS)
}
