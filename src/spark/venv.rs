//! PySpark's own virtual environment, installed the first time a PySpark
//! check needs it, under dekata's target folder: never into the learner's
//! Python.
//!
//! The install happens in a folder of its own (`*.partial-<pid>`) and is
//! renamed into place only once `import pyspark` works there, so an
//! offline or interrupted install leaves nothing that looks installed. A
//! lock file keeps two dekata processes from installing at once.

use crate::error::Setup;
use crate::python::Interpreter;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The PySpark release the katas are graded on, and the py4j it pins.
pub const PYSPARK: &str = "4.0.1";
/// The pinned packages beside it (in grader/python/), and their revision:
/// a new revision is installed into a folder of its own.
const REQUIREMENTS: &str = "spark-requirements.txt";
const REVISION: u32 = 2;

/// An installed environment.
#[derive(Clone, Debug)]
pub struct Venv {
    pub dir: PathBuf,
    /// `bin/python`: started by this path, so that Python finds the
    /// environment's packages.
    pub python: PathBuf,
    /// Where `pyspark` is (Spark's home: its jars and launch scripts).
    pub spark_home: PathBuf,
}

/// What a finished install records.
#[derive(Debug, Serialize, Deserialize)]
struct Ready {
    pyspark: String,
    /// The Python it was made with (`3.11`): its packages' folder.
    python: String,
}

const READY: &str = "dekata-ready.json";

/// The lock that one process at a time holds while it installs into the
/// Spark folder `parent` (PySpark, or the class archive), held until the
/// returned file is dropped; `waiting` is said first if another holds it.
pub(super) fn install_lock(parent: &Path, waiting: Option<&str>) -> Result<std::fs::File> {
    let path = parent.join("install.lock");
    let lock = std::fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
    if lock.try_lock().is_err() {
        if let Some(waiting) = waiting {
            eprintln!("{waiting}");
        }
        lock.lock().with_context(|| format!("cannot lock {}", path.display()))?;
    }
    Ok(lock)
}

/// The environment, installed first if it is not there yet.
pub fn ensure(ws: &Workspace, interpreter: &Interpreter) -> Result<Venv> {
    let dir = folder(ws);
    if let Some(venv) = installed(&dir) {
        return Ok(venv);
    }
    let parent = dir.parent().context("the PySpark folder has no parent")?;
    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let _lock = install_lock(parent, Some(WAITING))?;
    // Another process may have finished it while this one waited.
    if let Some(venv) = installed(&dir) {
        return Ok(venv);
    }
    remove_partials(parent, &dir);
    let started = Instant::now();
    eprintln!("{}", INSTALLING.replace("{version}", PYSPARK).replace("{dir}", &ws.display(&dir)));
    let partial = Partial(dir.with_extension(format!("partial-{}", std::process::id())));
    install(interpreter, &partial.0, &ws.grader().join("python").join(REQUIREMENTS))?;
    let python = format!("{}.{}", interpreter.version.0, interpreter.version.1);
    let ready = Ready { pyspark: PYSPARK.to_string(), python };
    crate::atomic::write(&partial.0.join(READY), &serde_json::to_vec_pretty(&ready)?)?;
    std::fs::rename(&partial.0, &dir)
        .with_context(|| format!("cannot move {} to {}", partial.0.display(), dir.display()))?;
    std::mem::forget(partial);
    let venv = installed(&dir).context("the installed PySpark environment cannot be read back")?;
    verify(&venv.python)?;
    eprintln!(
        "{}",
        INSTALLED
            .replace("{version}", PYSPARK)
            .replace("{seconds}", &format!("{:.0}", started.elapsed().as_secs_f64()))
    );
    Ok(venv)
}

/// Where the environment lives: one folder per PySpark release.
pub fn folder(ws: &Workspace) -> PathBuf {
    ws.target.join("spark").join(format!("pyspark-{PYSPARK}-r{REVISION}"))
}

/// The environment at `dir`, if an install finished there.
fn installed(dir: &Path) -> Option<Venv> {
    let ready: Ready = serde_json::from_slice(&std::fs::read(dir.join(READY)).ok()?).ok()?;
    if ready.pyspark != PYSPARK {
        return None;
    }
    let spark_home = dir.join("lib").join(format!("python{}", ready.python)).join("site-packages").join("pyspark");
    let python = dir.join("bin").join("python");
    (python.exists() && spark_home.is_dir()).then(|| Venv { dir: dir.to_path_buf(), python, spark_home })
}

/// Makes the environment in `dir`: `python3 -m venv`, then pip.
fn install(interpreter: &Interpreter, dir: &Path, requirements: &Path) -> Result<()> {
    let has_venv = Command::new(&interpreter.executable)
        .args(["-I", "-c", "import ensurepip, venv"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("cannot run {}", interpreter.executable.display()))?;
    if !has_venv.success() {
        return Err(Setup::new(NO_VENV.replace("{python}", &interpreter.executable.display().to_string())).into());
    }
    let made = Command::new(&interpreter.executable)
        .args(["-I", "-m", "venv"])
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(to_stderr()?)
        .status()
        .with_context(|| format!("cannot run {} -m venv", interpreter.executable.display()))?;
    if !made.success() {
        return Err(Setup::new(format!("`python3 -m venv` failed ({made}); its output is above.")).into());
    }
    // pip's output (its download progress too) goes to stderr: stdout may
    // be carrying a JSON report.
    let pip = Command::new(dir.join("bin").join("python"))
        .args(["-I", "-m", "pip", "install", "--disable-pip-version-check", "--no-input"])
        // Every package pinned: Spark, its Spark Connect client (gRPC), and
        // the pandas and Arrow that pandas UDFs need.
        .arg("-r")
        .arg(requirements)
        .stdin(Stdio::null())
        .stdout(to_stderr()?)
        .status()
        .context("cannot run pip")?;
    if !pip.success() {
        return Err(Setup::new(PIP_FAILED.replace("{status}", &pip.to_string())).into());
    }
    verify(&dir.join("bin").join("python"))
}

/// `import pyspark` works and is the pinned release.
fn verify(python: &Path) -> Result<()> {
    let out = Command::new(python)
        .args([
            "-I",
            "-c",
            "import pyspark, py4j, grpc, pandas, pyarrow, pyspark.sql.connect.session; print(pyspark.__version__)",
        ])
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot run {}", python.display()))?;
    let said = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() || said.trim() != PYSPARK {
        return Err(Setup::new(format!(
            "the PySpark environment does not import pyspark {PYSPARK} ({}):\n{}",
            said.trim(),
            String::from_utf8_lossy(&out.stderr)
        ))
        .into());
    }
    Ok(())
}

/// A child's standard output sent to dekata's standard error.
fn to_stderr() -> Result<Stdio> {
    let fd = std::io::stderr().as_fd().try_clone_to_owned().context("cannot share standard error")?;
    Ok(Stdio::from(fd))
}

/// Leftovers of installs that were interrupted.
fn remove_partials(parent: &Path, dir: &Path) {
    let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&format!("{name}.partial-")) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// An install in progress: removed unless it was moved into place.
struct Partial(PathBuf);

impl Drop for Partial {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const INSTALLING: &str = "dekata: installing PySpark {version} for the DataFrame katas into {dir} \
(once; about 700 MB, about a minute on a fast connection). Your own Python environment is not touched.";
const INSTALLED: &str = "dekata: PySpark {version} installed in {seconds} s.";
const WAITING: &str = "dekata: another dekata is installing PySpark; waiting for it to finish.";
const NO_VENV: &str = "{python} cannot make virtual environments (its `venv` or `ensurepip` module is \
missing), and PySpark is installed into one of dekata's own. On Debian or Ubuntu: `sudo apt-get install \
python3-venv`. Patterns 1-5 in Python need no PySpark.";
const PIP_FAILED: &str = "PySpark could not be installed: pip ended with {status}, and its output is \
above. Check the network connection (or your pip index and proxy settings) and run the check again; \
nothing half-installed was kept. Patterns 1-5 in Python need no PySpark.";
