//! The Python candidate's route: dekata as a binary wheel. maturin packs
//! the binaries this test run built (`pyproject.toml`, the dev profile, so
//! nothing is compiled again); the wheel is installed into a fresh virtual
//! environment with no index and no cargo anywhere; then a practice folder
//! is made and a Python kata is checked, failing and then passing.

use crate::common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

/// maturin, in a virtual environment of its own kept between runs.
fn maturin() -> PathBuf {
    let venv = shared_target().join("maturin-venv");
    let maturin = venv.join("bin").join("maturin");
    if !maturin.is_file() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv), "a venv for maturin");
        run(
            Command::new(venv.join("bin").join("pip")).args(["install", "--quiet", "maturin>=1.9,<2"]),
            "pip install maturin",
        );
    }
    maturin
}

fn run(command: &mut Command, what: &str) -> Output {
    let out = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(out.status.success(), "{what}: {}\n{}", stdout(&out), stderr(&out));
    out
}

/// `dekata` from the environment's bin folder, with a PATH that holds that
/// folder and the system's programs only: no cargo, no rustup.
fn installed(venv: &Path, cwd: &Path, cache: &Path, args: &[&str]) -> Output {
    Command::new(venv.join("bin").join("dekata"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", venv.join("bin").display()))
        .env("HOME", cwd)
        .env("DEKATA_CACHE", cache)
        .env("NO_COLOR", "1")
        .output()
        .expect("the installed dekata runs")
}

#[test]
fn the_wheel_installs_and_checks_a_python_kata_with_no_rust() {
    let tmp = tempfile::tempdir().unwrap();
    let wheels = tmp.path().join("wheels");
    run(
        Command::new(maturin())
            .args(["build", "--profile", "dev", "--quiet", "--out"])
            .arg(&wheels)
            .arg("--manifest-path")
            .arg(repo().join("Cargo.toml"))
            .current_dir(repo())
            .env_remove("CARGO_TARGET_DIR"),
        "maturin build",
    );
    let wheel = std::fs::read_dir(&wheels).unwrap().map(|e| e.unwrap().path()).next().expect("a wheel was built");
    let size = std::fs::metadata(&wheel).unwrap().len();
    eprintln!("wheel: {} ({:.1} MiB)", wheel.display(), size as f64 / (1024.0 * 1024.0));

    let started = Instant::now();
    let venv = tmp.path().join("venv");
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv), "a fresh venv");
    run(
        Command::new(venv.join("bin").join("pip")).args(["install", "--quiet", "--no-index", "--no-deps"]).arg(&wheel),
        "pip install the wheel",
    );
    for program in ["dekata", "dekata-references"] {
        assert!(venv.join("bin").join(program).is_file(), "{program} is in the wheel");
    }

    let (cache, home) = (tmp.path().join("cache"), tmp.path().join("home"));
    std::fs::create_dir(&home).unwrap();
    let out = installed(&venv, &home, &cache, &["init", "practice"]);
    assert_eq!(out.status.code(), Some(0), "{}\n{}", stdout(&out), stderr(&out));
    let folder = home.join("practice");
    let out = installed(&venv, &folder, &cache, &["lang", "python"]);
    assert_eq!(out.status.code(), Some(0), "{}\n{}", stdout(&out), stderr(&out));

    let checked = Instant::now();
    let out = installed(&venv, &folder, &cache, &["check", "count_events", "--json"]);
    eprintln!(
        "from a fresh venv and pip install to the first Python report: {:.1} s (the check itself: {:.1} s)",
        started.elapsed().as_secs_f64(),
        checked.elapsed().as_secs_f64()
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    assert_eq!(out.status.code(), Some(1), "{report:#}\n{}", stderr(&out));
    assert_eq!(report["cases"][0]["verdict"], "not_implemented", "{report:#}");

    std::fs::copy(kata_file("count_events", "reference.py"), folder.join("solutions/count_events.py")).unwrap();
    let out = installed(&venv, &folder, &cache, &["check", "count_events"]);
    assert_eq!(out.status.code(), Some(0), "{}\n{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("pass"), "{}", stdout(&out));
}
