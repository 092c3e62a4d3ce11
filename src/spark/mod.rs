//! The DataFrame katas in Python run on Apache Spark: what that needs on
//! this machine, the engine that runs the queries, and how a learner's
//! worker reaches it.
//!
//! - `java`: the Java that runs Spark (17 or later), or how to install one;
//! - `venv`: PySpark's own virtual environment, installed on first use;
//! - `engine`: dekata's warm Spark, serving Spark Connect on loopback: the
//!   learner's code is only its client, and the engine, out of the
//!   learner's reach, runs and judges what that code returns.
//!
//! The session every graded query runs in is fixed here, as a cluster with
//! large tables would have it: four cores, four shuffle partitions, and no
//! automatic broadcast. A kata adds the settings it relies on (`[spark]` in
//! its TOML); a query may hint and repartition, but a change to any of
//! these settings is refused as a plan rule.

pub mod engine;
pub mod java;
pub mod venv;

use crate::catalog::Kata;
use crate::process::confine;
use crate::python::Interpreter;
use crate::workspace::Workspace;
use anyhow::Result;
use harness::tables::ColumnType;
use java::Java;
use std::collections::BTreeMap;
use std::path::PathBuf;
use venv::Venv;

/// The cluster PySpark checks run on instead of dekata's own engine, if
/// one is named: `DEKATA_SPARK_REMOTE=sc://HOST:PORT` (which `check
/// --remote` sets), with `DEKATA_SPARK_SCALE` (`--scale`) times the rows of
/// each case's first table.
pub fn remote() -> Result<Option<engine::Remote>> {
    let Some(url) = std::env::var("DEKATA_SPARK_REMOTE").ok().filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    let scale = match std::env::var("DEKATA_SPARK_SCALE").ok().filter(|s| !s.is_empty()) {
        None => 1,
        Some(text) => text.parse::<u64>().ok().filter(|n| (1..=MAX_SCALE).contains(n)).ok_or_else(|| {
            crate::error::BadRequest::new(format!(
                "the scale must be a whole number from 1 to {MAX_SCALE}, not `{text}`"
            ))
        })?,
    };
    let ui = std::env::var("DEKATA_SPARK_REMOTE_UI").ok().filter(|u| !u.is_empty());
    let remote = engine::Remote { url: url.trim_end_matches('/').to_string(), scale, ui };
    if !remote.url.starts_with("sc://") || remote.port().is_none() {
        return Err(crate::error::BadRequest::new(format!(
            "`{url}` is not a Spark Connect endpoint: give it as sc://HOST:PORT"
        ))
        .into());
    }
    if let Some(ui) = &remote.ui
        && !(ui.starts_with("http://") || ui.starts_with("https://"))
    {
        return Err(crate::error::BadRequest::new(format!(
            "`{ui}` is not the address of a Spark driver's web UI: give it as http://HOST:PORT"
        ))
        .into());
    }
    Ok(Some(remote))
}

/// The largest `--scale`: a case's fact table of 60,000 rows becomes 60
/// million.
pub const MAX_SCALE: u64 = 1_000;

/// The partitions (cores, shuffle partitions) every plan is graded on: the
/// same as the DataFusion katas'.
pub const PARTITIONS: u32 = 4;

/// The settings every graded session has, beside the kata's own.
pub const GRADED: &[(&str, &str)] = &[
    ("spark.sql.shuffle.partitions", "4"),
    // No automatic broadcast: tables on a cluster are too large for it, so
    // a broadcast is the query's own decision (`F.broadcast`, a hint).
    ("spark.sql.autoBroadcastJoinThreshold", "-1"),
    ("spark.sql.adaptive.autoBroadcastJoinThreshold", "-1"),
    // Small test tables would otherwise be coalesced into one partition,
    // which a cluster's large tables never are.
    ("spark.sql.adaptive.coalescePartitions.enabled", "false"),
];

/// The JVM's heap: a runaway query runs out of it (`memory_exceeded`)
/// long before the machine does.
pub const DRIVER_MEMORY_MIB: u64 = 1024;

/// The address space the worker and its JVM may reserve: a JVM reserves
/// far more than it uses (heap, class space, code cache, thread stacks).
pub const ADDRESS_SPACE_MIB: u64 = 16 * 1024;

/// What a PySpark worker runs on.
#[derive(Clone, Debug, PartialEq)]
pub struct Runtime {
    pub venv: PathBuf,
    pub python: PathBuf,
    pub spark_home: PathBuf,
    pub java: Java,
}

/// Java and PySpark, PySpark installed first if need be (with progress on
/// stderr).
pub fn runtime(ws: &Workspace, interpreter: &Interpreter) -> Result<Runtime> {
    let java = java::find()?;
    let Venv { dir, python, spark_home } = venv::ensure(ws, interpreter)?;
    Ok(Runtime { venv: dir, python, spark_home, java })
}

/// The session settings of `kata`: the graded ones, then the kata's.
pub fn settings(kata: &Kata) -> BTreeMap<String, String> {
    let mut all: BTreeMap<String, String> = GRADED.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    all.extend(kata.kind.spark().into_iter().flatten().map(|(k, v)| (k.clone(), v.clone())));
    all
}

/// The column type Spark loads a generated column as.
pub fn type_name(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Int64 => "bigint",
        ColumnType::Utf8 => "string",
        ColumnType::Boolean => "boolean",
    }
}

/// The tables of `kata` as the engine writes them for a session and the
/// worker reads them: each one's name and typed columns.
pub fn tables_json(kata: &Kata) -> serde_json::Value {
    let tables: Vec<serde_json::Value> = kata
        .kind
        .dataset()
        .map(|d| d.tables())
        .unwrap_or_default()
        .iter()
        .map(|t| {
            let columns: Vec<[&str; 2]> = t.columns.iter().map(|c| [c.name, type_name(c.ty)]).collect();
            serde_json::json!({ "name": t.name, "columns": columns })
        })
        .collect();
    serde_json::Value::Array(tables)
}

/// What the engine may touch beyond a Python program's grants: the
/// environment and Java (read, execute), Spark's launch scripts and the
/// tools they call, the machine facts a JVM reads.
pub fn grants(runtime: &Runtime) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut read: Vec<PathBuf> = vec![runtime.venv.clone(), runtime.java.home.clone()];
    read.extend(runtime.java.linked_folders());
    read.extend(MACHINE_FACTS.iter().map(PathBuf::from));
    let mut execute: Vec<PathBuf> = vec![runtime.venv.clone(), runtime.java.home.clone()];
    execute.extend(TOOLS.iter().map(PathBuf::from));
    if let Some(loader) = confine::interpreter(std::path::Path::new("/bin/sh")) {
        execute.push(loader);
    }
    (read, execute)
}

/// Read by a JVM and by Spark's launch scripts: processor and memory
/// facts, the user and host names, time zones, devices for randomness.
const MACHINE_FACTS: &[&str] = &[
    "/proc",
    "/sys/fs/cgroup",
    "/sys/devices/system/cpu",
    "/etc/passwd",
    "/etc/group",
    "/etc/nsswitch.conf",
    "/etc/hosts",
    "/etc/host.conf",
    "/etc/resolv.conf",
    "/etc/gai.conf",
    "/etc/localtime",
    "/etc/timezone",
    "/usr/share/zoneinfo",
    "/dev/null",
    "/dev/urandom",
    "/dev/random",
    "/dev/fd",
];

/// The programs Spark's launch scripts run (a shell, `dirname`, `uname`...).
const TOOLS: &[&str] = &["/bin", "/usr/bin"];

/// A PySpark worker's limits: room for what its client libraries reserve
/// (gRPC, Arrow). The Python process lowers its own address-space cap to
/// the kata's once it has connected.
pub fn limits(mut limits: confine::Limits) -> confine::Limits {
    limits.address_space_bytes = ADDRESS_SPACE_MIB * 1024 * 1024;
    limits
}

/// How long a PySpark worker may take to start: the client's imports and
/// its first connection, on a busy machine.
pub const STARTUP: std::time::Duration = std::time::Duration::from_secs(120);

/// The engine's environment.
pub fn environment(runtime: &Runtime) -> Vec<(String, String)> {
    let text = |p: &std::path::Path| p.display().to_string();
    vec![
        ("PATH".into(), "/usr/bin:/bin".into()),
        ("JAVA_HOME".into(), text(&runtime.java.home)),
        ("SPARK_HOME".into(), text(&runtime.spark_home)),
        // No configuration of the learner's own Spark is read.
        ("SPARK_CONF_DIR".into(), text(&runtime.spark_home.join("conf"))),
        ("PYSPARK_PYTHON".into(), text(&runtime.python)),
        ("HADOOP_USER_NAME".into(), "dekata".into()),
        ("SPARK_LOCAL_IP".into(), "127.0.0.1".into()),
        ("SPARK_LOCAL_HOSTNAME".into(), "localhost".into()),
        // Fewer malloc arenas: a JVM's many threads would otherwise each
        // reserve one, against the address-space cap.
        ("MALLOC_ARENA_MAX".into(), "2".into()),
    ]
}
