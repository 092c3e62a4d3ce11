//! The PySpark learner's loop on dekata's warm Spark engine, timed through
//! the real binary:
//!
//! - `check latest_order_payment` of a one-line edit, with the engine warm,
//!   against the same check of the plain-Python `count_events` in the same
//!   run (the cost of a Python worker and a report, without Spark);
//! - the same check on a cold engine (`dekata spark stop` first): what the
//!   first check of a session pays to start Spark.
//!
//! Run with `cargo bench --bench spark_loop` (it installs PySpark into the
//! shared target folder if need be). Figures are medians.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 5;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = workspace();
    let spark = root.join("solutions").join("latest_order_payment.py");
    let reference = std::fs::read_to_string(repo.join("katas/06-dataframe/latest_order_payment/reference.py")).unwrap();
    let plain = root.join("solutions").join("count_events.py");
    let counting =
        std::fs::read_to_string(repo.join("katas/01-streaming-aggregation/count_events/reference.py")).unwrap();
    std::fs::write(&spark, &reference).unwrap();
    std::fs::write(&plain, &counting).unwrap();
    // Warm: PySpark installed, the engine serving, the references cached.
    check(&root, "latest_order_payment", &spark);
    check(&root, "count_events", &plain);

    let (mut warm, mut baseline, mut cold) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..RUNS {
        std::fs::write(&spark, format!("{reference}# edit {i}\n")).unwrap();
        warm.push(timed(|| check(&root, "latest_order_payment", &spark)));
        std::fs::write(&plain, format!("{counting}# edit {i}\n")).unwrap();
        baseline.push(timed(|| check(&root, "count_events", &plain)));
    }
    let rechecks = watch_rechecks(&root, &spark, &reference);
    for _ in 0..3 {
        dekata(&root, &["spark", "stop"]);
        cold.push(timed(|| check(&root, "latest_order_payment", &spark)));
    }
    let (warm, baseline, cold, recheck) = (median(&warm), median(&baseline), median(&cold), median(&rechecks));
    println!("check latest_order_payment after a one-line edit (median of {RUNS}):");
    println!(
        "  warm engine  {warm:.2} s  ({:.2}x a plain-Python check of count_events, {baseline:.2} s; goal: at most 2.5 s)",
        warm / baseline
    );
    println!("  cold engine  {cold:.2} s  ({:.2}x the warm check: the engine's start)", cold / warm);
    println!(
        "  watch        {recheck:.2} s  from the save to the next page ({:.2}x the warm check; goal: at most 1.5 s)",
        recheck / warm
    );
}

/// `dekata watch` of the kata, its solution saved with a one-line edit
/// each time: the seconds from each save to the end of the page it prints.
fn watch_rechecks(root: &Path, solution: &Path, text: &str) -> Vec<f64> {
    use std::io::Read;
    use std::sync::{Arc, Mutex};
    const READY: &str = "Commands (type one, then Enter)";
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_dekata"))
        .args(["watch", "latest_order_payment", "--lang", "python"])
        .env("DEKATA_ROOT", root)
        .env("DEKATA_TARGET_DIR", repo.join("target").join("dekata"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dekata watch starts");
    let seen = Arc::new(Mutex::new(String::new()));
    let mut stdout = child.stdout.take().unwrap();
    let into = Arc::clone(&seen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            into.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let pages = |seen: &Arc<Mutex<String>>| seen.lock().unwrap().matches(READY).count();
    let wait_for_page = |n: usize| {
        let deadline = Instant::now() + std::time::Duration::from_secs(300);
        while pages(&seen) < n {
            assert!(Instant::now() < deadline, "no page from dekata watch: {}", seen.lock().unwrap());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    };
    wait_for_page(1);
    let mut times = Vec::new();
    for i in 0..RUNS {
        let before = pages(&seen);
        let start = Instant::now();
        std::fs::write(solution, format!("{text}# watched edit {i}\n")).unwrap();
        wait_for_page(before + 1);
        times.push(start.elapsed().as_secs_f64());
        assert!(seen.lock().unwrap().rsplit("Commands").nth(1).unwrap_or_default().contains("All 6 cases pass"));
    }
    drop(child.stdin.take());
    let _ = child.kill();
    let _ = child.wait();
    times
}

fn workspace() -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("dekata-spark-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("solutions")).unwrap();
    for link in ["katas", "grader", "grader-df", "prelude"] {
        std::os::unix::fs::symlink(repo.join(link), dir.join(link)).unwrap();
    }
    std::fs::copy(repo.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir
}

fn dekata(root: &Path, args: &[&str]) -> std::process::Output {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    Command::new(env!("CARGO_BIN_EXE_dekata"))
        .args(args)
        .env("DEKATA_ROOT", root)
        .env("DEKATA_TARGET_DIR", repo.join("target").join("dekata"))
        .output()
        .expect("dekata runs")
}

fn check(root: &Path, kata: &str, solution: &Path) {
    let out = dekata(root, &["check", kata, "--json", "--solution", solution.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no report ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(report["verdict"], "pass", "{report:#}");
}

fn timed(f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
