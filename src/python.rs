//! The Python that runs `grader/python/dekata_worker.py` (`launch` starts
//! it).
//!
//! The interpreter is `python3` on PATH (or `$DEKATA_PYTHON`), resolved once
//! to its real executable (a pyenv shim or a venv's link would need files
//! the sandbox does not grant). It runs isolated from the learner's own
//! environment (`-I`: no user site-packages, no PYTHON* variables), without
//! site-packages at all (`-S`: patterns 1-5 need the standard library
//! alone), and writes no bytecode (`-B`).

use crate::error::Internal;
use anyhow::Result;
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

const NO_PYTHON: &str = "cannot run {python} ({error}): grading a .py solution needs Python 3.10 or later \
as `python3` on PATH (or set DEKATA_PYTHON to the interpreter to use)";
const TOO_OLD: &str = "{path} is Python {found}; grading a .py solution needs Python 3.10 or later \
(set DEKATA_PYTHON to a newer interpreter)";
