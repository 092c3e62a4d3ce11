//! The class archive PySpark workers' JVMs start from (Java's AppCDS): made
//! once, after PySpark is installed, by a warm-up run of the same session
//! and the same kinds of query a worker runs
//! (`grader/python/dekata_spark_warmup.py`). A JVM that maps the archive
//! starts, with its Spark session, in about 60% of the time. Without one
//! (a failed warm-up), workers start as they would anyway.

use super::Runtime;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// The archive beside the environment (one per PySpark install and Java).
pub fn archive_path(runtime: &Runtime) -> PathBuf {
    runtime.venv.join(format!("spark-classes-java{}.jsa", runtime.java.version))
}

/// The archive, made first if need be; `None` when it cannot be made.
pub fn class_archive(ws: &Workspace, runtime: &Runtime) -> Result<Option<PathBuf>> {
    let archive = archive_path(runtime);
    let failed = archive.with_extension("failed");
    if archive.is_file() {
        return Ok(Some(archive));
    }
    if failed.exists() {
        return Ok(None);
    }
    let parent = runtime.venv.parent().context("the PySpark folder has no parent")?;
    let _lock = super::venv::install_lock(parent, None)?;
    if archive.is_file() {
        return Ok(Some(archive));
    }
    eprintln!("{PREPARING}");
    let started = Instant::now();
    let partial = archive.with_extension(format!("partial-{}", std::process::id()));
    match make(ws, runtime, &partial) {
        Ok(()) if partial.metadata().is_ok_and(|m| m.len() > 0) => {
            std::fs::rename(&partial, &archive)
                .with_context(|| format!("cannot move {} to {}", partial.display(), archive.display()))?;
            eprintln!("{}", PREPARED.replace("{seconds}", &format!("{:.0}", started.elapsed().as_secs_f64())));
            Ok(Some(archive))
        }
        outcome => {
            let _ = std::fs::remove_file(&partial);
            let why = match outcome {
                Err(e) => format!("{e:#}"),
                Ok(()) => "the JVM wrote no archive".to_string(),
            };
            eprintln!("{}", NOT_PREPARED.replace("{why}", &why).replace("{marker}", &ws.display(&failed)));
            std::fs::write(&failed, &why).with_context(|| format!("cannot write {}", failed.display()))?;
            Ok(None)
        }
    }
}

/// Runs the warm-up, which writes the archive to `partial` as its JVM exits.
fn make(ws: &Workspace, runtime: &Runtime, partial: &std::path::Path) -> Result<()> {
    let script = ws.grader().join("python").join("dekata_spark_warmup.py");
    let session = serde_json::json!({
        "tables": [
            {"name": "left", "columns": [["id", "bigint"], ["key", "bigint"], ["name", "string"], ["flag", "boolean"]]},
            {"name": "right", "columns": [["key", "bigint"], ["label", "string"]]},
        ],
        "settings": super::GRADED.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<std::collections::BTreeMap<_, _>>(),
        "partitions": super::PARTITIONS,
        "driver_memory_mib": super::DRIVER_MEMORY_MIB,
        "python_memory_mib": 4096,
        "make_class_archive": partial,
    });
    let mut child = Command::new(&runtime.python)
        .args(["-I", "-B"])
        .arg(&script)
        .arg(session.to_string())
        .env_clear()
        .envs(super::environment(runtime))
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {}", runtime.python.display()))?;
    let stderr = child.stderr.take();
    let said = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut e) = stderr {
            let _ = std::io::Read::read_to_string(&mut e, &mut text);
        }
        text
    });
    let status = match child.wait_timeout(WARMUP_WAIT).context("cannot wait for the warm-up")? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            anyhow::bail!("the warm-up took longer than {} s", WARMUP_WAIT.as_secs());
        }
    };
    let said = said.join().unwrap_or_default();
    anyhow::ensure!(status.success(), "the warm-up ended with {status}: {}", tail(&said));
    Ok(())
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(8)..].join("\n")
}

const WARMUP_WAIT: Duration = Duration::from_secs(600);

const PREPARING: &str = "dekata: preparing Spark's class archive, once (about half a minute): later PySpark \
checks start their JVM in about half the time.";
const PREPARED: &str = "dekata: Spark's class archive is ready ({seconds} s).";
const NOT_PREPARED: &str = "dekata: Spark's class archive could not be made ({why}); PySpark checks still \
work, their JVMs start without it. Delete {marker} to try again.";
