//! Grading one solution of one kata: compile, run every case beside the
//! reference, judge, shrink failures, and assemble the report.

use crate::cache;
use crate::catalog::{Case, Kata};
use crate::compile::{self, Compiled, Harness};
use crate::judge::{self, LearnerRun};
use crate::report::{CaseReport, Report};
use crate::sandbox::{self, Exit, Finished};
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use grader::protocol::{CaseSpec, RunReport, ShrinkReport, ShrinkTarget, Side};
use grader::rng::{fnv1a, mix64};
use grader::streams::StreamSpec;
use std::path::Path;
use std::time::Duration;

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 42;
/// Outputs of cases up to this many events are kept whole in the report.
const KEEP_OUTPUT_UP_TO: u64 = 10_000;
const REFERENCE_WALL: Duration = Duration::from_secs(300);
const SHRINK_WALL: Duration = Duration::from_secs(30);
const FILE_SIZE_CAP: u64 = 256 * 1024 * 1024;

/// Hears about progress while a kata is graded.
pub trait Observer {
    fn compiled(&mut self, _seconds: f64) {}
    fn case_done(&mut self, _case: &CaseReport) {}
}

/// An observer that hears nothing.
pub struct Quiet;
impl Observer for Quiet {}

pub struct Request<'a> {
    pub ws: &'a Workspace,
    pub kata: &'a Kata,
    pub solution: &'a Path,
    pub seed: u64,
    pub color: bool,
}

pub fn grade(req: &Request<'_>, observer: &mut dyn Observer) -> Result<Report> {
    let binary = match compile::build(req.ws, req.kata, req.solution, req.color)? {
        Compiled::Failed { stderr } => return Ok(Report::compile_error(&req.kata.id, req.seed, stderr)),
        Compiled::Built { harness, seconds } => {
            observer.compiled(seconds);
            harness
        }
    };
    let solution_display = req.ws.display(req.solution);
    let mut cases = Vec::new();
    for case in &req.kata.cases {
        let report = grade_case(req, &binary, case, &solution_display)?;
        observer.case_done(&report);
        cases.push(report);
    }
    Ok(Report::new(&req.kata.id, req.seed, cases))
}

fn grade_case(req: &Request<'_>, binary: &Harness, case: &Case, solution_display: &str) -> Result<CaseReport> {
    let kata = req.kata;
    let reference = reference_result(req, binary, case)?;
    let time_limit = judge::time_limit_ms(&kata.limits, reference.measure.elapsed_us);
    let spec = case_spec(kata, case, req.seed, Side::Learner);
    let runs = if spec.scale.is_some() { 2 } else { 1 };
    let wall = Duration::from_millis(time_limit * runs + 1_000);
    let (finished, result) = run_child(req.ws, binary, "run", &spec, child_limits(kata, wall))?;
    let learner = LearnerRun {
        exit: finished.exit,
        wall_ms: finished.wall.as_millis() as u64,
        result,
        stderr: finished.stderr.text(),
    };
    let noun = kata.record_noun();
    let mut judged = judge::judge(case, kata, &reference, &learner, solution_display, noun);
    if kata.needs_engine() {
        judged.counterexample_noun = "row";
    }
    let shrunk = match judged.shrink {
        Some(target) => shrink(req, binary, case, target)?,
        None => None,
    };
    let mut report = CaseReport::new(judged, shrunk);
    if let (Some(job), false) = (&case.job, report.verdict == crate::report::Verdict::Pass) {
        let first_day = grader::jobs::utc_day(case.params.start_ts);
        report.message = format!("The job ran {}: {}", job.describe(first_day), report.message);
    }
    // Panic locations and compiler paths name files relative to the root.
    report.message = report.message.replace(&format!("{}/", req.ws.root.display()), "");
    Ok(report)
}

/// The reference's result on a case, from the cache or from a fresh run.
fn reference_result(req: &Request<'_>, binary: &Harness, case: &Case) -> Result<RunReport> {
    let spec = case_spec(req.kata, case, req.seed, Side::Reference);
    let key = cache::key(req.kata, &spec)?;
    if let Some(hit) = cache::load(req.ws, &req.kata.id, &case.name, &key) {
        return Ok(hit);
    }
    let (finished, result) = run_child(req.ws, binary, "run", &spec, child_limits(req.kata, REFERENCE_WALL))?;
    let report: Option<RunReport> = result.as_deref().and_then(|t| serde_json::from_str(t).ok());
    match report {
        Some(r) if matches!(r.outcome, grader::protocol::Outcome::Returned) => {
            cache::store(req.ws, &req.kata.id, &case.name, &key, &r)?;
            Ok(r)
        }
        other => bail!(
            "the reference solution of `{}` failed on case `{}` ({}): this is a problem with the kata, \
             not with your solution.\n{:?}\n{}",
            req.kata.id,
            case.name,
            req.ws.display(&req.kata.reference()),
            other.map(|r| r.outcome),
            describe_exit(&finished)
        ),
    }
}

fn shrink(req: &Request<'_>, binary: &Harness, case: &Case, target: ShrinkTarget) -> Result<Option<ShrinkReport>> {
    let mut spec = case_spec(req.kata, case, req.seed, Side::Learner);
    spec.shrink_target = Some(target);
    spec.scale = None;
    let limits = sandbox::Limits { wall: SHRINK_WALL, ..child_limits(req.kata, SHRINK_WALL) };
    let (_finished, result) = run_child(req.ws, binary, "shrink", &spec, limits)?;
    Ok(result.as_deref().and_then(|t| serde_json::from_str(t).ok()))
}

/// The spec of a case: its stream seed derives from the check's seed and
/// the kata and case names, so every case is reproducible on its own.
pub fn case_spec(kata: &Kata, case: &Case, seed: u64, side: Side) -> CaseSpec {
    let stream_seed = mix64(seed ^ fnv1a(format!("{}/{}", kata.id, case.name).as_bytes()));
    CaseSpec {
        kata: kata.id.clone(),
        case: case.name.clone(),
        side,
        stream: StreamSpec {
            record: kata.shape.record_kind(),
            seed: stream_seed,
            events: case.events,
            families: case.families.clone(),
            params: case.params.clone(),
            dataset: kata.dataset,
        },
        scale: case.memory.as_ref().map(|m| m.scale),
        keep_output: case.events <= KEEP_OUTPUT_UP_TO && case.memory.is_none(),
        compare: kata.compare.clone(),
        shrink_target: None,
        job: case.job.clone(),
    }
}

fn child_limits(kata: &Kata, wall: Duration) -> sandbox::Limits {
    sandbox::Limits {
        wall,
        address_space_bytes: kata.limits.hard_memory_mib * 1024 * 1024,
        file_size_bytes: FILE_SIZE_CAP,
    }
}

/// Runs the harness in `mode` on `spec`; returns how it ended and the text
/// of its result file, if it wrote one.
fn run_child(
    ws: &Workspace,
    binary: &Harness,
    mode: &str,
    spec: &CaseSpec,
    limits: sandbox::Limits,
) -> Result<(Finished, Option<String>)> {
    let runs = ws.target.join("runs");
    std::fs::create_dir_all(&runs).with_context(|| format!("cannot create {}", runs.display()))?;
    let dir = tempfile::Builder::new()
        .prefix("case-")
        .tempdir_in(&runs)
        .with_context(|| format!("cannot create a folder in {}", runs.display()))?;
    let spec_path = dir.path().join("spec.json");
    let result_path = dir.path().join("result.json");
    std::fs::write(&spec_path, serde_json::to_vec(spec)?)
        .with_context(|| format!("cannot write {}", spec_path.display()))?;
    let mut args = vec![mode.as_ref(), spec_path.as_os_str(), result_path.as_os_str()];
    if let Some(variant) = &binary.variant {
        args.push(variant.as_ref());
    }
    let finished = sandbox::run(&binary.binary, &args, limits)?;
    let result = std::fs::read_to_string(&result_path).ok().filter(|t| !t.is_empty());
    Ok((finished, result))
}

fn describe_exit(f: &Finished) -> String {
    let how = match f.exit {
        Exit::Code(c) => format!("exit status {c}"),
        Exit::Signal(s) => format!("killed by {}", sandbox::signal_name(s)),
        Exit::TimedOut => "timed out".to_string(),
    };
    format!("{how}; stderr:\n{}", f.stderr.text())
}

