//! dekata's Spark engine: one warm Spark per target folder, serving Spark
//! Connect on loopback, that every PySpark check of the workspace shares
//! (grader/python/dekata_engine.py).
//!
//! A learner's PySpark worker is only a Spark Connect client of it: the
//! kernel lets that worker reach the engine's port and nothing else. The
//! engine itself is dekata's: started on first use, confined to its
//! environment, Java and its own folder, it executes the plan a worker
//! returns and reads the executed plan there, out of the learner's reach.
//! It ends on its own after an idle spell (`DEKATA_SPARK_IDLE` seconds,
//! ten minutes unless set); `dekata spark stop` ends it at once.
//!
//! dekata speaks to it on a Unix socket in its folder, one JSON request
//! per connection.

use super::Runtime;
use crate::error::Setup;
use crate::process::confine::{Confinement, Limits};
use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Where an engine lives and what starts it.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Its folder: state, socket, log, the runs' tables, Spark's scratch.
    pub dir: PathBuf,
    /// `dekata_engine.py`, or `dekata_remote.py` for a cluster.
    pub script: PathBuf,
    /// The cluster whose Spark Connect it is a client of, if not its own.
    pub remote: Option<Remote>,
}

/// A cluster's Spark Connect endpoint, and how many times over a case's
/// fact table is sent there (`--remote`, `--scale`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Remote {
    /// `sc://HOST:PORT`.
    pub url: String,
    pub scale: u64,
    /// The driver's web UI, whose monitoring API tells the rows each task
    /// of a query read (`--remote-ui`); if not given, the engine looks at
    /// the driver's default ports.
    pub ui: Option<String>,
}

impl Remote {
    /// What names the engine that is this cluster's client: one per
    /// endpoint, scale and monitoring address.
    fn key(&self) -> String {
        match &self.ui {
            None => format!("{} {}", self.url, self.scale),
            Some(ui) => format!("{} {} {ui}", self.url, self.scale),
        }
    }

    /// The endpoint's port: the one port a learner's worker may reach.
    pub fn port(&self) -> Option<u16> {
        self.url.trim_end_matches('/').rsplit(':').next()?.parse().ok()
    }
}

impl Place {
    /// dekata's own engine, or (with `remote`) the engine that is a client
    /// of that cluster.
    pub fn of(ws: &crate::workspace::Workspace, remote: Option<&Remote>) -> Place {
        let python = ws.grader().join("python");
        match remote {
            None => Place { dir: ws.target.join("spark").join("engine"), script: python.join(ENGINE), remote: None },
            Some(r) => Place {
                dir: ws.target.join("spark").join(format!("remote-{}", crate::digest::hex128(r.key().as_bytes()))),
                script: python.join(REMOTE),
                remote: Some(r.clone()),
            },
        }
    }

    /// Every engine folder of the workspace's target: its own engine's and
    /// those of clusters.
    pub fn all(ws: &crate::workspace::Workspace) -> Vec<PathBuf> {
        let mut dirs = vec![Place::of(ws, None).dir];
        if let Ok(entries) = std::fs::read_dir(ws.target.join("spark")) {
            let mut remotes: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("remote-"))
                .map(|e| e.path())
                .collect();
            remotes.sort();
            dirs.extend(remotes);
        }
        dirs
    }
}

/// What a serving engine wrote when it started.
#[derive(Clone, Debug, Deserialize)]
pub struct State {
    pub pid: u32,
    pub port: u16,
    #[serde(default)]
    pub pyspark: Option<String>,
    /// The digest of the engine's script it runs.
    #[serde(default)]
    pub script: Option<String>,
    /// The secret every request on its socket carries: only dekata, which
    /// reads this file, can ask the engine anything (a solution's UDF, in
    /// Spark's Python workers, reaches the socket but not this file).
    #[serde(default)]
    pub key: Option<String>,
    /// Where dekata writes a run's tables for the engine to open a session
    /// on (dekata's own engine; a cluster's reads them from the request).
    #[serde(default)]
    pub inputs: Option<PathBuf>,
    /// A cluster's engine: the driver's monitoring API it found, where
    /// shuffles' partitions are counted, and the addresses it tried.
    #[serde(default)]
    pub ui: Option<String>,
    #[serde(default)]
    pub ui_tried: Vec<String>,
}

/// A serving engine.
#[derive(Clone, Debug)]
pub struct Engine {
    pub dir: PathBuf,
    pub state: State,
}

/// How a request to the engine failed.
#[derive(Debug)]
pub enum Failure {
    /// No answer within the time given.
    TimedOut,
    /// The engine is gone (its socket closed without an answer).
    Gone(String),
}

/// How long an idle engine stays, unless `DEKATA_SPARK_IDLE` says.
const IDLE: Duration = Duration::from_secs(600);

/// How long an engine may take to start: a JVM and Spark take about ten
/// seconds on an idle machine of two cores, several times that while both
/// cores are busy.
const STARTUP: Duration = Duration::from_secs(240);

impl Engine {
    /// One request, answered within `wait`.
    pub fn call(&self, request: &Value, wait: Duration) -> std::result::Result<Value, Failure> {
        call(&self.dir, request, wait)
    }
}

fn call(dir: &Path, request: &Value, wait: Duration) -> std::result::Result<Value, Failure> {
    let gone = |e: std::io::Error| Failure::Gone(e.to_string());
    let mut request = request.clone();
    if let Some(key) = state_of(dir).and_then(|s| s.key) {
        request["key"] = Value::String(key);
    }
    let mut stream = UnixStream::connect(dir.join("engine.sock")).map_err(gone)?;
    stream.set_read_timeout(Some(wait.max(Duration::from_millis(10)))).map_err(gone)?;
    let mut line = serde_json::to_vec(&request).map_err(|e| Failure::Gone(e.to_string()))?;
    line.push(b'\n');
    stream.write_all(&line).map_err(gone)?;
    let mut answer = String::new();
    match BufReader::new(stream).read_line(&mut answer) {
        Ok(0) => Err(Failure::Gone("the engine closed its socket without an answer".into())),
        Ok(_) => serde_json::from_str(&answer).map_err(|e| Failure::Gone(format!("an answer that is not JSON: {e}"))),
        Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
            Err(Failure::TimedOut)
        }
        Err(e) => Err(gone(e)),
    }
}

/// What the engine in `dir` wrote when it started, if it did.
fn state_of(dir: &Path) -> Option<State> {
    let text = std::fs::read(dir.join("engine.json")).ok()?;
    serde_json::from_slice(&text).ok()
}

/// The engine serving at `place`, if one does.
pub fn serving(place: &Place) -> Option<(Engine, Value)> {
    let state = state_of(&place.dir)?;
    let ping = call(&place.dir, &json!({"op": "ping"}), Duration::from_secs(10)).ok()?;
    (ping["pid"].as_u64() == Some(u64::from(state.pid)) && ping["serving"] == true)
        .then(|| (Engine { dir: place.dir.clone(), state }, ping))
}

/// The serving engine, started first if none serves (with one line on
/// stderr when it was there before and is gone).
pub fn ensure(place: &Place, runtime: &Runtime) -> Result<Engine> {
    let modules = modules(place)?;
    let digest = crate::digest::hex128(&modules.iter().flat_map(|(_, text)| text.iter().copied()).collect::<Vec<u8>>());
    let current = |engine: &Engine| {
        engine.state.pyspark.as_deref() == Some(super::venv::PYSPARK) && engine.state.script.as_ref() == Some(&digest)
    };
    if let Some((engine, _)) = serving(place)
        && current(&engine)
    {
        return Ok(engine);
    }
    std::fs::create_dir_all(&place.dir).with_context(|| format!("cannot create {}", place.dir.display()))?;
    let _lock = super::venv::install_lock(&place.dir, None)?;
    match serving(place) {
        Some((engine, _)) if current(&engine) => return Ok(engine),
        // Another release of dekata (or of its engine) started it.
        Some(_) => {
            stop(&place.dir);
        }
        // One that no longer serves (its Spark ended, or it hangs) is
        // ended before another starts.
        None => {
            if stop(&place.dir) {
                eprintln!("{RESTARTING}");
            }
        }
    }
    remove_leftovers(&place.dir);
    // The engine runs its own copy of its modules, in its folder: it serves
    // every workspace that shares the target folder.
    for (name, text) in &modules {
        crate::atomic::write(&place.dir.join(name), text)?;
    }
    let udf_python = udf_python(place, runtime)?;
    let script = place.dir.join(place.script.file_name().unwrap_or_default());
    start(place, &script, &digest, &udf_python, runtime)
}

/// Writes the program Spark runs as its Python workers (a solution's
/// UDFs): the engine's Python, confined by `dekata confine` to read Python
/// and the engine's scratch files (`$DEKATA_UDF_SCRATCH`, which the engine
/// sets), write nothing and connect nowhere. It lies beside the engine's
/// folder, not in it: the engine may not run what it can write.
fn udf_python(place: &Place, runtime: &Runtime) -> Result<PathBuf> {
    let path = place.dir.with_file_name("udf-python");
    let mut reads: Vec<PathBuf> = vec![runtime.venv.clone()];
    reads.extend(crate::python::interpreter()?.prefixes.iter().cloned());
    let granted: Vec<String> = reads.iter().map(|p| format!("--read {}", quoted(p))).collect();
    let text = format!(
        "#!/bin/sh\n# Spark's Python workers, confined (written by dekata).\nexec {} confine {} --read \"$DEKATA_UDF_SCRATCH\" -- {} \"$@\"\n",
        quoted(&dekata()?),
        granted.join(" "),
        quoted(&runtime.python),
    );
    crate::atomic::write(&path, text.as_bytes())?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .with_context(|| format!("cannot make {} executable", path.display()))?;
    Ok(path)
}

/// A path as one word of a shell command.
fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

/// The engine's script and the modules beside it that it imports.
const ENGINE: &str = "dekata_engine.py";
const MODULES: [&str; 4] = [ENGINE, "dekata_daemon.py", "dekata_guard.py", "dekata_observe.py"];
/// A cluster's engine, and the modules it imports.
const REMOTE: &str = "dekata_remote.py";
const REMOTE_MODULES: [&str; 3] = [REMOTE, "dekata_daemon.py", "dekata_observe.py"];

/// The engine's modules, by name, read from beside its script.
fn modules(place: &Place) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let folder = place.script.parent().unwrap_or(Path::new("."));
    let names: &[&'static str] = if place.remote.is_some() { &REMOTE_MODULES } else { &MODULES };
    names
        .iter()
        .map(|name| {
            let path = folder.join(name);
            let text = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok((*name, text))
        })
        .collect()
}

/// What is said when an engine that served before no longer answers.
pub const RESTARTING: &str = "dekata: the Spark engine stopped answering; starting a new one.";

fn start(place: &Place, script: &Path, digest: &str, udf_python: &Path, runtime: &Runtime) -> Result<Engine> {
    let log_path = place.dir.join("engine.log");
    let log = std::fs::File::create(&log_path).with_context(|| format!("cannot create {}", log_path.display()))?;
    let idle =
        std::env::var("DEKATA_SPARK_IDLE").ok().and_then(|s| s.parse::<u64>().ok()).map_or(IDLE, Duration::from_secs);
    let config = json!({
        "partitions": super::PARTITIONS,
        "driver_memory_mib": super::DRIVER_MEMORY_MIB,
        "idle_seconds": idle.as_secs(),
        "pyspark": super::venv::PYSPARK,
        "script": digest,
        "udf_python": udf_python,
        "remote": place.remote.as_ref().map(|r| r.url.clone()),
        "scale": place.remote.as_ref().map_or(1, |r| r.scale),
        "ui": place.remote.as_ref().and_then(|r| r.ui.clone()),
    });
    let mut cmd = Command::new(&runtime.python);
    cmd.args(["-I", "-B"])
        .arg(script)
        .arg(&place.dir)
        .arg(config.to_string())
        .env_clear()
        .envs(super::environment(runtime))
        .env("LANG", "C.UTF-8")
        .env("HOME", &place.dir)
        .env("TMPDIR", &place.dir)
        .current_dir("/")
        .stdin(Stdio::null())
        .stdout(log.try_clone().context("cannot share the engine's log")?)
        .stderr(log);
    // SAFETY: setsid is async-signal-safe. The engine leads a session of
    // its own: it outlives this dekata, and a terminal's signals to the
    // learner's command never reach it.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    // Held until the engine has started: the ruleset's descriptor is read
    // in the child.
    let mut confinement = confinement(place, runtime)?;
    confinement.execute.push(udf_python.to_path_buf());
    let prepared = confinement.prepare()?;
    prepared.apply(&mut cmd, limits());
    let started = Instant::now();
    let mut child = cmd.spawn().with_context(|| format!("cannot start {}", runtime.python.display()))?;
    // It leads its own group: never swept as a worker's leftover.
    crate::process::reaper::keep(child.id() as i32);
    drop(prepared);
    loop {
        if let Some((engine, _)) = serving(place)
            && engine.state.pid == child.id()
        {
            // Not waited for: it outlives this process.
            std::mem::forget(child);
            return Ok(engine);
        }
        if let Some(status) = child.try_wait().context("cannot wait for the Spark engine")? {
            let said = std::fs::read_to_string(&log_path).unwrap_or_default();
            let tail: Vec<&str> = said.lines().rev().take(20).collect::<Vec<_>>().into_iter().rev().collect();
            return Err(Setup::new(format!(
                "dekata's Spark engine could not start ({status}); the end of {}:\n{}",
                log_path.display(),
                tail.join("\n")
            ))
            .into());
        }
        if started.elapsed() > STARTUP {
            let _ = child.kill();
            anyhow::bail!(
                "dekata's Spark engine did not start within {} s; see {}",
                STARTUP.as_secs(),
                log_path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What the engine may touch: its environment and Java, the machine facts
/// a JVM reads, the tools Spark's launch scripts run, its script, and its
/// own folder (the only place it writes). Never the workspace: neither the
/// katas nor the learners' files.
fn confinement(place: &Place, runtime: &Runtime) -> Result<Confinement> {
    let (mut read, mut execute) = super::grants(runtime);
    read.extend(crate::process::confine::system_libraries());
    read.extend(crate::python::interpreter()?.prefixes.iter().cloned());
    execute.extend(crate::python::interpreter()?.executable.canonicalize().ok());
    // dekata itself, which confines Spark's Python workers (`dekata confine`).
    execute.push(dekata()?);
    Ok(Confinement {
        read,
        execute,
        write: vec![place.dir.clone(), PathBuf::from("/dev/null")],
        network: true,
        processes: true,
        ..Confinement::default()
    })
}

/// This program, which the engine runs to confine Spark's Python workers.
fn dekata() -> Result<PathBuf> {
    std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .context("cannot find dekata's own program, which confines Spark's Python workers")
}

fn limits() -> Limits {
    Limits {
        address_space_bytes: super::ADDRESS_SPACE_MIB * 1024 * 1024,
        cpu_seconds: libc::RLIM_INFINITY,
        file_size_bytes: 4 * 1024 * 1024 * 1024,
    }
}

/// Ends the engine whose folder is `dir`: whether one ran.
pub fn stop(dir: &Path) -> bool {
    let Some(state) = state_of(dir).filter(|s| alive(s.pid)) else {
        return false;
    };
    let _ = call(dir, &json!({"op": "stop"}), Duration::from_secs(10));
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) && alive(state.pid) {
        std::thread::sleep(Duration::from_millis(100));
    }
    if alive(state.pid) {
        // SAFETY: a plain signal to the engine's own process group.
        unsafe {
            libc::kill(-(state.pid as i32), libc::SIGKILL);
        }
    }
    let _ = std::fs::remove_file(dir.join("engine.json"));
    true
}

/// The folders of engines that ended without removing theirs (killed).
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("engine-").and_then(|p| p.parse::<u32>().ok())
            && !alive(pid)
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether `pid` runs (a zombie that has not been reaped does not).
fn alive(pid: u32) -> bool {
    crate::process::usage::status_field(pid as i32, "State:")
        .is_some_and(|state| !state.starts_with('Z') && !state.starts_with('X'))
}
