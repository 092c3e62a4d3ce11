//! Helpers for tests that drive the real `dekata` binary.
#![allow(dead_code)]

pub mod watch;

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

/// How many forms a whole-catalogue validation grades at a time: a grading
/// waits on process starts and pipes, so one more than the two cores.
pub const VALIDATE_JOBS: &str = "3";

/// dekata's Spark engine, one per shared target folder. Tests that check on
/// it share it, as a class's submissions do; a test that stops it, or whose
/// runaway query takes it down, has it alone.
static SPARK_ENGINE: RwLock<()> = RwLock::new(());

/// The Spark engine, shared with other tests' checks.
pub fn spark_engine() -> RwLockReadGuard<'static, ()> {
    SPARK_ENGINE.read().unwrap_or_else(|e| e.into_inner())
}

/// The Spark engine alone: no other test's check runs on it meanwhile.
pub fn spark_engine_alone() -> RwLockWriteGuard<'static, ()> {
    SPARK_ENGINE.write().unwrap_or_else(|e| e.into_inner())
}

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A correct, streaming count_events: what a learner writes in the end.
pub const STREAMING: &str = "use grader::prelude::*;

pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    let mut counts = HashMap::new();
    for e in events {
        *counts.entry((e.user_id, e.event_type)).or_insert(0) += 1;
    }
    counts
}
";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Harness builds are shared by every test (and with a developer's own
/// checks), so the grader is compiled once.
pub fn shared_target() -> PathBuf {
    repo().join("target").join("dekata")
}

/// The ids of the catalogue's katas that need the DataFrame engine
/// (`engine`), or that do not.
pub fn kata_ids(engine: bool) -> Vec<String> {
    let mut ids = Vec::new();
    for pattern in std::fs::read_dir(repo().join("katas")).unwrap() {
        let pattern = pattern.unwrap().path();
        if !pattern.is_dir() {
            continue;
        }
        for kata in std::fs::read_dir(&pattern).unwrap() {
            let file = kata.unwrap().path().join("kata.toml");
            let Ok(text) = std::fs::read_to_string(&file) else { continue };
            let parsed: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let shape = parsed.get("shape").and_then(|s| s.as_str());
            if (shape == Some("dataframes")) == engine {
                ids.push(file.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    ids.sort();
    ids
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests").join("fixtures").join(name)
}

pub fn kata_file(kata: &str, file: &str) -> PathBuf {
    let pattern = std::fs::read_dir(repo().join("katas"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join(kata).is_dir())
        .unwrap_or_else(|| panic!("no kata {kata}"));
    pattern.join(kata).join(file)
}

/// A learner's checkout in a temporary folder: the real katas and grader
/// (linked), its own empty `solutions/` and state.
pub struct Root {
    pub dir: tempfile::TempDir,
}

impl Root {
    pub fn new() -> Root {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(repo().join("katas"), dir.path().join("katas")).unwrap();
        std::os::unix::fs::symlink(repo().join("grader"), dir.path().join("grader")).unwrap();
        std::os::unix::fs::symlink(repo().join("grader-df"), dir.path().join("grader-df")).unwrap();
        std::os::unix::fs::symlink(repo().join("prelude"), dir.path().join("prelude")).unwrap();
        std::fs::copy(repo().join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
        std::fs::create_dir(dir.path().join("solutions")).unwrap();
        Root { dir }
    }

    /// A root whose katas folder is a copy the test may break.
    pub fn with_own_katas() -> Root {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("katas")).unwrap();
        std::os::unix::fs::symlink(repo().join("grader"), dir.path().join("grader")).unwrap();
        std::os::unix::fs::symlink(repo().join("grader-df"), dir.path().join("grader-df")).unwrap();
        std::os::unix::fs::symlink(repo().join("prelude"), dir.path().join("prelude")).unwrap();
        std::fs::create_dir(dir.path().join("solutions")).unwrap();
        Root { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn solution(&self, kata: &str) -> PathBuf {
        self.path().join("solutions").join(format!("{kata}.rs"))
    }

    pub fn dekata(&self, args: &[&str]) -> Output {
        dekata_in(self.path(), args)
    }
}

/// The real binary, set to run in the workspace `root` with the shared
/// target folder; callers add arguments and pipes.
pub fn dekata_command(root: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dekata"));
    cmd.env("DEKATA_ROOT", root)
        .env("DEKATA_TARGET_DIR", shared_target())
        // The Spark engine the tests share ends soon after the last one.
        .env("DEKATA_SPARK_IDLE", "180")
        .env_remove("CLICOLOR_FORCE")
        .current_dir(root);
    cmd
}

pub fn dekata_in(root: &Path, args: &[&str]) -> Output {
    dekata_command(root).args(args).output().expect("dekata runs")
}

/// `dekata` in the repository itself.
pub fn dekata(args: &[&str]) -> Output {
    dekata_in(&repo(), args)
}

/// How many katas of `pattern` the catalogue `root` sees holds.
pub fn katas_of(root: &Root, pattern: &str) -> usize {
    let rows: serde_json::Value = serde_json::from_str(&stdout(&root.dekata(&["list", "--json"]))).unwrap();
    rows.as_array().unwrap().iter().filter(|r| r["pattern"] == pattern).count()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `check --json` and parses the report; stdout must be JSON only.
pub fn check_json(root: &Path, kata: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", kata, "--json"];
    args.extend_from_slice(extra);
    let out = dekata_in(root, &args);
    let text = stdout(&out);
    let report: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{text}\nstderr:\n{}", stderr(&out)));
    (out.status.code().unwrap_or(-1), report)
}

pub fn check_file(kata: &str, file: &Path) -> (i32, Value) {
    check_json(&repo(), kata, &["--solution", file.to_str().unwrap()])
}

pub fn verdicts(report: &Value) -> Vec<(String, String)> {
    report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap().to_string(), c["verdict"].as_str().unwrap().to_string()))
        .collect()
}

pub fn case<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no case {name}"))
}

/// Compares `actual` with `tests/golden/<name>.json`; UPDATE_GOLDEN=1
/// rewrites the file instead (review the diff).
pub fn assert_golden(name: &str, actual: &str) {
    let path = repo().join("tests").join("golden").join(format!("{name}.json"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let diff =
            similar::TextDiff::from_lines(&expected, actual).unified_diff().header("golden", "actual").to_string();
        panic!("the report differs from {}:\n{diff}", path.display());
    }
}

/// A report with what varies from run to run (times, heap sizes, and the
/// messages and findings that quote them) replaced by `<scrubbed>`: the one
/// scrub every test that compares reports uses.
pub fn scrub(mut report: Value) -> Value {
    let scrubbed = || Value::from("<scrubbed>");
    for c in report["cases"].as_array_mut().into_iter().flatten() {
        for f in [
            "elapsed_ms",
            "reference_elapsed_ms",
            "cpu_ms",
            "reference_cpu_ms",
            "peak_heap_bytes",
            "reference_peak_heap_bytes",
            "time_limit_ms",
        ] {
            c[f] = scrubbed();
        }
        for f in [
            "peak_heap_limit_bytes",
            "peak_resident_bytes",
            "reference_peak_resident_bytes",
            "peak_resident_limit_bytes",
        ] {
            if !c[f].is_null() {
                c[f] = scrubbed();
            }
        }
        if c.get("memory").is_some() {
            c["memory"] = scrubbed();
        }
        // Memory and time messages quote measured sizes and times.
        if c["verdict"] == "memory_exceeded" || c["verdict"] == "time_exceeded" {
            c["message"] = scrubbed();
        }
    }
    report
}

/// Copies the folder `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `dekata args` in `root` with `input` typed on its standard input, then
/// closed; the output once it ends.
pub fn dekata_typed(root: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = dekata_command(root)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dekata runs");
    // A bad request exits before reading: its closed stdin is no failure.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

/// Two busy loops, one per core, for as long as this lives: a machine as
/// busy as CI's can be, for tests that must not depend on the load.
pub struct Hogs(Vec<std::process::Child>);

impl Hogs {
    pub fn start() -> Hogs {
        Hogs((0..2).map(|_| Command::new("sh").args(["-c", "while :; do :; done"]).spawn().unwrap()).collect())
    }
}

impl Drop for Hogs {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
