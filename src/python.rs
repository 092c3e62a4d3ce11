//! The Python worker: which interpreter runs `grader/python/dekata_worker.py`,
//! how it is started, and what it may touch.
//!
//! The interpreter is `python3` on PATH (or `$DEKATA_PYTHON`), resolved once
//! to its real executable (a pyenv shim or a venv's link would need files
//! the sandbox does not grant). It runs isolated from the learner's own
//! environment (`-I`: no user site-packages, no PYTHON* variables), without
//! site-packages at all (`-S`: patterns 1-5 need the standard library
//! alone), and writes no bytecode (`-B`).

use crate::compile::Program;
use crate::error::Internal;
use crate::worker::Launch;
use crate::worker::confine::{self, Confinement, Limits};
use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The oldest Python a solution may need.
pub const OLDEST: (u32, u32) = (3, 10);

/// A Python interpreter and where its standard library lives.
#[derive(Clone, Debug, Deserialize)]
pub struct Interpreter {
    pub executable: PathBuf,
    pub prefixes: Vec<PathBuf>,
    pub version: (u32, u32, u32),
}

/// The interpreter, found once per process.
pub fn interpreter() -> Result<Interpreter> {
    static FOUND: OnceLock<std::result::Result<Interpreter, String>> = OnceLock::new();
    FOUND.get_or_init(find).clone().map_err(|e| Internal::new(e).into())
}

fn find() -> std::result::Result<Interpreter, String> {
    let asked = std::env::var_os("DEKATA_PYTHON").unwrap_or_else(|| "python3".into());
    let out = Command::new(&asked)
        .args(["-I", "-S", "-c", PROBE])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| NO_PYTHON.replace("{python}", &asked.to_string_lossy()).replace("{error}", &e.to_string()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let found: Interpreter = serde_json::from_str(text.trim())
        .map_err(|e| format!("{} did not say where it lives ({e}): {text}", asked.to_string_lossy()))?;
    if (found.version.0, found.version.1) < OLDEST {
        return Err(TOO_OLD
            .replace("{found}", &format!("{}.{}.{}", found.version.0, found.version.1, found.version.2))
            .replace("{path}", &found.executable.display().to_string()));
    }
    Ok(found)
}

const PROBE: &str = "import json, os, sys\n\
print(json.dumps({'executable': os.path.realpath(sys.executable), \
'prefixes': sorted({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}), \
'version': list(sys.version_info[:3])}))";

/// The launch of a Python solution: the interpreter reads its own
/// installation, the worker's module and the solution file, and nothing
/// else; it executes nothing but itself. A PySpark worker gets what Spark
/// needs on top (see [`crate::spark::grants`]).
pub fn launch(program: &Program, mut limits: Limits) -> Result<Launch> {
    let Program::Python { runner, solution, shown_as, entry, shape, args, spark } = program else {
        anyhow::bail!("not a Python program: {program:?}");
    };
    let python = interpreter()?;
    let runner_dir = runner.parent().context("the worker module has no folder")?.to_path_buf();
    let mut read = confine::system_libraries();
    read.extend(python.prefixes.iter().cloned());
    read.push(runner_dir);
    read.push(solution.clone());
    let mut execute: Vec<PathBuf> =
        [Some(python.executable.clone()), confine::interpreter(&python.executable)].into_iter().flatten().collect();
    let mut env = vec![
        ("PYTHONHASHSEED".to_string(), "0".to_string()),
        ("PYTHONIOENCODING".into(), "utf-8".into()),
        ("LANG".into(), "C.UTF-8".into()),
    ];
    let mut argv: Vec<std::ffi::OsString> = vec!["-I".into(), "-S".into(), "-B".into()];
    let mut launch_program = python.executable.clone();
    let (mut write, mut network, mut scratch_in, mut startup) = (Vec::new(), false, None, None);
    if let Some(spark) = spark {
        let runtime = &spark.runtime;
        // The environment's python, by its own path: that is how Python
        // finds the environment's packages. No `-S`: pyspark is one.
        launch_program = runtime.python.clone();
        argv = vec!["-I".into(), "-B".into()];
        let (more_read, more_execute) = crate::spark::grants(runtime);
        read.extend(more_read);
        execute.extend(more_execute);
        write.push(PathBuf::from("/dev/null"));
        network = true;
        limits = crate::spark::limits(limits);
        scratch_in = Some(spark.scratch_in.clone());
        startup = Some(crate::spark::STARTUP);
        env.extend(crate::spark::environment(runtime));
    }
    argv.extend([runner.into(), solution.into(), shown_as.into(), entry.into(), shape.into(), args.into()]);
    if let Some(spark) = spark {
        argv.push(spark.session.clone().into());
    }
    Ok(Launch {
        program: launch_program,
        args: argv,
        env,
        limits,
        confinement: Confinement { read, execute, write, network },
        scratch_in,
        startup,
    })
}

const NO_PYTHON: &str = "cannot run {python} ({error}): grading a .py solution needs Python 3.10 or later \
as `python3` on PATH (or set DEKATA_PYTHON to the interpreter to use)";
const TOO_OLD: &str = "{path} is Python {found}; grading a .py solution needs Python 3.10 or later \
(set DEKATA_PYTHON to a newer interpreter)";
