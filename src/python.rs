//! The Python that runs `grader/python/dekata_worker.py` (`launch` starts
//! it).
//!
//! The interpreter is `python3` on PATH (or `$DEKATA_PYTHON`), resolved once
//! to its real executable (a pyenv shim or a venv's link would need files
//! the sandbox does not grant). It runs isolated from the learner's own
//! environment (`-I`: no user site-packages, no PYTHON* variables), without
//! site-packages at all (`-S`: patterns 1-5 need the standard library
//! alone), and writes no bytecode (`-B`): dekata compiles the worker's own
//! modules once instead ([`compile_workers`]).
//!
//! Asking a version manager's shim costs about half a second (pyenv runs a
//! dozen shell scripts), so the answer is remembered in the workspace's
//! target folder, keyed by everything that could change it: the program
//! `python3` names on PATH, and for a shim (a script), the folder dekata
//! runs in, the version managers' variables and version files. A
//! remembered interpreter that changed on disk is asked again.

use crate::error::Internal;
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// How a worker starts (`python3 -I -S -B -c BOOT FOLDER ARGS..`): the
/// worker's module imported from `FOLDER`, so that it is read from the
/// bytecode [`compile_workers`] wrote, as the modules it imports are. Its
/// arguments are then where a script's would be.
pub const BOOT: &str =
    "import sys; sys.path.insert(0, sys.argv.pop(1)); import dekata_worker; dekata_worker.serve(sys.argv)";

/// Compiles the worker's modules in `folder` to bytecode beside them, once
/// per process and folder, and only when a module is newer than its
/// bytecode: a worker writes none (`-B`), and every worker would otherwise
/// compile them afresh, a fifth of its start (resumable katas start one per
/// chunk). A
/// folder dekata may not write in (an installed package) is left as it
/// is; the workers then compile in memory, as before.
pub fn compile_workers(python: &Interpreter, folder: &Path) {
    static DONE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    let mut done = DONE.lock().unwrap_or_else(|e| e.into_inner());
    if done.insert(folder.to_path_buf()) && stale_bytecode(python, folder) {
        let _ = Command::new(&python.executable)
            .args(["-I", "-S", "-m", "compileall", "-q", "-l"])
            .arg(folder)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Whether a module in `folder` has no bytecode, or older bytecode, for
/// `python`'s version.
fn stale_bytecode(python: &Interpreter, folder: &Path) -> bool {
    let (major, minor, _) = python.version;
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let Ok(entries) = std::fs::read_dir(folder) else { return false };
    entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "py")).any(|source| {
        let stem = source.file_stem().unwrap_or_default().to_string_lossy();
        let compiled = folder.join("__pycache__").join(format!("{stem}.cpython-{major}{minor}.pyc"));
        match (modified(&source), modified(&compiled)) {
            (Some(s), Some(c)) => c < s,
            _ => true,
        }
    })
}

/// The oldest Python a solution may need.
pub const OLDEST: (u32, u32) = (3, 10);

/// A Python interpreter and where its standard library lives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// Where the interpreter found is remembered between runs: set once, by
/// the workspace, before the first `interpreter()`.
static REMEMBERED_IN: OnceLock<PathBuf> = OnceLock::new();

/// Remember the interpreter in `target` (the workspace's target folder).
pub fn remember_in(target: &Path) {
    let _ = REMEMBERED_IN.set(target.join("python.json"));
}

/// What `python.json` holds.
#[derive(Serialize, Deserialize)]
struct Remembered {
    key: String,
    interpreter: Interpreter,
    /// The executable's modification time when it was asked.
    modified: Option<std::time::SystemTime>,
}

fn find() -> std::result::Result<Interpreter, String> {
    let asked = std::env::var_os("DEKATA_PYTHON").unwrap_or_else(|| "python3".into());
    let file = REMEMBERED_IN.get();
    let key = key_of(Path::new(&asked));
    if let (Some(file), Some(key)) = (file, &key)
        && let Some(found) = recall(file, key)
    {
        return Ok(found);
    }
    let found = probe(&asked)?;
    if let (Some(file), Some(key)) = (file, key) {
        let remembered = Remembered { key, modified: modified(&found.executable), interpreter: found.clone() };
        if let Ok(text) = serde_json::to_vec_pretty(&remembered) {
            // Remembering is an optimisation: a folder that cannot be
            // written asks every time.
            let _ = file.parent().map(std::fs::create_dir_all);
            let _ = crate::atomic::write(file, &text);
        }
    }
    Ok(found)
}

/// The remembered interpreter, if it was asked under `key` and has not
/// changed since.
fn recall(file: &Path, key: &str) -> Option<Interpreter> {
    let remembered: Remembered = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    let same = remembered.key == key
        && remembered.modified.is_some()
        && modified(&remembered.interpreter.executable) == remembered.modified;
    same.then_some(remembered.interpreter)
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Everything that decides which Python `asked` runs, as text; `None`
/// when it cannot be found on PATH (asking says why).
fn key_of(asked: &Path) -> Option<String> {
    let program = if asked.components().count() > 1 {
        asked.to_path_buf()
    } else {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path).map(|dir| dir.join(asked)).find(|p| p.is_file())?
    };
    let meta = std::fs::metadata(&program).ok()?;
    let mut key = vec![program.display().to_string(), format!("{:?} {}", meta.modified().ok()?, meta.len())];
    let mut head = [0u8; 2];
    let script = std::fs::File::open(&program).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok()
        && &head == b"#!";
    if script {
        // A version manager's shim: it picks a Python by the folder it
        // runs in, its variables and its version files.
        let here = std::env::current_dir().ok()?;
        key.push(here.display().to_string());
        let mut vars: Vec<String> = std::env::vars()
            .filter(|(k, _)| SHIM_VARIABLES.iter().any(|prefix| k.starts_with(prefix)))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        vars.sort();
        key.extend(vars);
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        let pyenv_root = std::env::var_os("PYENV_ROOT").map(PathBuf::from).unwrap_or_else(|| home.join(".pyenv"));
        let mut files = vec![pyenv_root.join("version"), home.join(".tool-versions")];
        for dir in here.ancestors() {
            files.extend(VERSION_FILES.iter().map(|name| dir.join(name)));
        }
        for file in files {
            if let Ok(text) = std::fs::read_to_string(&file) {
                key.push(format!("{}: {text}", file.display()));
            }
        }
    }
    Some(key.join("\n"))
}

/// Variables by which version managers choose a Python.
const SHIM_VARIABLES: [&str; 4] = ["PYENV_", "ASDF_", "MISE_", "RTX_"];
/// Files by which they choose one, in a folder or its parents.
const VERSION_FILES: [&str; 4] = [".python-version", ".tool-versions", ".mise.toml", "mise.toml"];

/// Runs `asked` to say where it lives.
fn probe(asked: &std::ffi::OsStr) -> std::result::Result<Interpreter, String> {
    let out = Command::new(asked)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_interpreter_serves_its_own_key_while_it_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("python3.11");
        std::fs::write(&exe, "").unwrap();
        let interpreter =
            Interpreter { executable: exe.clone(), prefixes: vec![dir.path().into()], version: (3, 11, 7) };
        let file = dir.path().join("python.json");
        let remembered = Remembered { key: "k".into(), modified: modified(&exe), interpreter: interpreter.clone() };
        std::fs::write(&file, serde_json::to_vec(&remembered).unwrap()).unwrap();
        assert_eq!(recall(&file, "k"), Some(interpreter));
        assert_eq!(recall(&file, "another folder"), None);
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        std::fs::File::options().write(true).open(&exe).unwrap().set_modified(later).unwrap();
        assert_eq!(recall(&file, "k"), None, "the interpreter changed on disk");
    }

    #[test]
    fn a_shims_key_holds_the_folder_and_the_version_files() {
        let dir = tempfile::tempdir().unwrap();
        let shim = dir.path().join("python3");
        std::fs::write(&shim, "#!/bin/sh\nexec python3.11 \"$@\"\n").unwrap();
        let key = key_of(&shim).unwrap();
        assert!(key.contains(&std::env::current_dir().unwrap().display().to_string()), "{key}");
        let binary = dir.path().join("python3-real");
        std::fs::write(&binary, b"\x7fELF").unwrap();
        let key = key_of(&binary).unwrap();
        assert!(!key.contains(&std::env::current_dir().unwrap().display().to_string()), "{key}");
    }
}
