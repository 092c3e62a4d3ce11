//! The Python learner's loop, timed through the real binary:
//!
//! - a one-line edit of `solutions/count_events.py` to its full report
//!   (memory case included), against the same loop in Rust;
//! - how fast records reach a Python function, against how fast the Rust
//!   reference reads the same stream;
//! - shrinking a Python wrong answer on a 20,000-event case: the time it
//!   adds to a check, and the counterexample's size.
//!
//! Run with `cargo bench --bench python_loop`. Figures are medians of
//! several runs, each with its baseline measured in the same run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 7;

const RUST_STREAMING: &str = "use grader::prelude::*;

pub fn count_events(events: impl Iterator<Item = Event>) -> HashMap<(u64, String), u64> {
    let mut counts = HashMap::new();
    for e in events {
        *counts.entry((e.user_id, e.event_type)).or_insert(0) += 1;
    }
    counts
}
";

const PYTHON_STREAMING: &str = "from collections import Counter


def count_events(events):
    counts = Counter()
    for e in events:
        counts[(e[\"user_id\"], e[\"event_type\"])] += 1
    return counts
";

/// Counts deliveries of distinct event ids only: wrong on retries.
const PYTHON_WRONG: &str = "def count_events(events):
    seen, counts = set(), {}
    for e in events:
        if e[\"event_id\"] in seen:
            continue
        seen.add(e[\"event_id\"])
        key = (e[\"user_id\"], e[\"event_type\"])
        counts[key] = counts.get(key, 0) + 1
    return counts
";

fn main() {
    let root = workspace();
    let rust = root.join("solutions").join("count_events.rs");
    let python = root.join("solutions").join("count_events.py");
    std::fs::write(&rust, RUST_STREAMING).unwrap();
    std::fs::write(&python, PYTHON_STREAMING).unwrap();
    // Warm both: the harness build, the reference cache.
    check(&root, &rust);
    check(&root, &python);

    let mut rust_loop = Vec::new();
    let mut python_loop = Vec::new();
    for i in 0..RUNS {
        // A one-line edit each time, so nothing is reused by accident.
        std::fs::write(&rust, format!("{RUST_STREAMING}// edit {i}\n")).unwrap();
        rust_loop.push(timed(|| check(&root, &rust)).0);
        std::fs::write(&python, format!("{PYTHON_STREAMING}# edit {i}\n")).unwrap();
        python_loop.push(timed(|| check(&root, &python)).0);
    }
    let (rust_s, python_s) = (median(&rust_loop), median(&python_loop));
    println!("edit -> full report, count_events (median of {RUNS}):");
    println!("  Rust   {rust_s:.2} s");
    println!("  Python {python_s:.2} s  ({:.2}x Rust; goal: at most 2 s)", python_s / rust_s);

    let report = check(&root, &python);
    let memory_case = case(&report, "million-events-few-keys");
    let events = memory_case["events"].as_f64().unwrap();
    let python_rate = events / (memory_case["elapsed_ms"].as_f64().unwrap().max(1.0) / 1000.0);
    let reference_rate = events / (memory_case["reference_elapsed_ms"].as_f64().unwrap().max(1.0) / 1000.0);
    println!("feeding, {events} events into a counting Python function:");
    println!(
        "  {:.0} records/s, {:.2}x the Python reference's own rate in the same run (goal: 500,000/s)",
        python_rate,
        python_rate / reference_rate
    );

    let wrong = root.join("solutions").join("wrong.py");
    std::fs::write(&wrong, PYTHON_WRONG).unwrap();
    let mut extra = Vec::new();
    let mut sizes = Vec::new();
    for _ in 0..3 {
        let (right_s, _) = timed(|| check(&root, &python));
        let (wrong_s, report) = timed(|| check(&root, &wrong));
        extra.push(wrong_s - right_s);
        let c = case(&report, "retries-and-nulls");
        assert_eq!(c["verdict"], "wrong_answer", "{c:#}");
        sizes.push(c["counterexample"].as_array().map_or(0, Vec::len));
    }
    println!("shrinking a Python wrong answer on 20,000 events (median of 3):");
    println!(
        "  {:.2} s beyond a passing check, to a {}-record counterexample (goal: at most 5 records in at most 5 s)",
        median(&extra),
        sizes.iter().max().unwrap()
    );
}

fn workspace() -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("dekata-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("solutions")).unwrap();
    for link in ["katas", "grader", "grader-df", "prelude"] {
        std::os::unix::fs::symlink(repo.join(link), dir.join(link)).unwrap();
    }
    std::fs::copy(repo.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir
}

fn check(root: &Path, solution: &Path) -> serde_json::Value {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_dekata"))
        .args(["check", "count_events", "--json", "--solution"])
        .arg(solution)
        .env("DEKATA_ROOT", root)
        .env("DEKATA_TARGET_DIR", repo.join("target").join("dekata"))
        .output()
        .expect("dekata runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no report ({e}): {}", String::from_utf8_lossy(&out.stderr)))
}

fn case<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()
}

fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed().as_secs_f64(), value)
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}
