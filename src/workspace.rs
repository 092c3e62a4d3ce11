//! Where things are: the learner's folder and the folders dekata reads and
//! writes. The root is `$DEKATA_ROOT`, else the nearest folder above the
//! current one that is a clone of dekata (it holds both `katas/` and
//! `grader/Cargo.toml`) or a practice folder (`dekata init` made it: it
//! holds `dekata.toml`). A clone grades against its own catalogue and
//! grader; a practice folder against the ones bundled into dekata
//! (`install`). The catalogue is `katas/` there, unless `--katas DIR` (or
//! `$DEKATA_KATAS`) points at an instructor's own kata folder.

use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
pub struct Workspace {
    /// The learner's folder: `solutions/` and `.dekata/`.
    pub root: PathBuf,
    /// Where the catalogue, the grader and `Cargo.lock` are: the root of
    /// a clone, or dekata's own unpacked files for a practice folder.
    pub install: PathBuf,
    /// The harness crate and its build products (`$DEKATA_TARGET_DIR`,
    /// default `target/dekata`).
    pub target: PathBuf,
    /// The kata folder asked for instead of `katas/`, if any.
    pub own_katas: Option<PathBuf>,
}

impl Workspace {
    /// The workspace dekata runs in, with the kata folder `katas` asked
    /// for on the command line (else `$DEKATA_KATAS`, else `katas/`).
    pub fn discover(katas: Option<PathBuf>) -> Result<Workspace> {
        let root = match std::env::var_os("DEKATA_ROOT") {
            Some(r) => PathBuf::from(r),
            None => find_root(&std::env::current_dir()?)?,
        };
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        let install = if is_clone(&root) { root.clone() } else { crate::install::unpacked()? };
        let target = match std::env::var_os("DEKATA_TARGET_DIR") {
            Some(t) => PathBuf::from(t),
            None => install.join("target").join("dekata"),
        };
        crate::python::remember_in(&target);
        let own_katas = katas.or_else(|| std::env::var_os("DEKATA_KATAS").filter(|k| !k.is_empty()).map(PathBuf::from));
        let own_katas = own_katas.map(|k| std::fs::canonicalize(&k).unwrap_or(k));
        Ok(Workspace { root, install, target, own_katas })
    }

    /// The practice folder `root` (made by `dekata init`), on dekata's own
    /// unpacked catalogue and grader.
    pub fn practice(root: &Path) -> Result<Workspace> {
        let install = crate::install::unpacked()?;
        let target = match std::env::var_os("DEKATA_TARGET_DIR") {
            Some(t) => PathBuf::from(t),
            None => install.join("target").join("dekata"),
        };
        Ok(Workspace { root: root.to_path_buf(), install, target, own_katas: None })
    }

    /// Whether `dir` is a clone of dekata, with its own catalogue and grader.
    pub fn is_clone(dir: &Path) -> bool {
        is_clone(dir)
    }

    /// The catalogue: the kata folder asked for, else `katas/`.
    pub fn katas(&self) -> PathBuf {
        self.own_katas.clone().unwrap_or_else(|| self.install.join("katas"))
    }

    pub fn solutions(&self) -> PathBuf {
        self.root.join("solutions")
    }

    pub fn grader(&self) -> PathBuf {
        self.install.join("grader")
    }
    /// The prelude crate: what a Rust solution sees as `grader`.
    pub fn prelude(&self) -> PathBuf {
        self.install.join("prelude")
    }
    /// The engine side of the DataFrame katas (links Apache DataFusion).
    pub fn grader_df(&self) -> PathBuf {
        self.install.join("grader-df")
    }

    /// The dependency versions every generated package starts from.
    pub fn lockfile(&self) -> PathBuf {
        self.install.join("Cargo.lock")
    }

    /// The learner's own state (progress, hints shown).
    pub fn state(&self) -> PathBuf {
        self.root.join(".dekata")
    }

    /// A path as a learner should read it: relative to the root when inside.
    pub fn display(&self, path: &Path) -> String {
        path.strip_prefix(&self.root).unwrap_or(path).display().to_string()
    }
}

/// The file that makes a folder a practice folder.
pub const PRACTICE_MARKER: &str = "dekata.toml";

fn is_clone(dir: &Path) -> bool {
    dir.join("katas").is_dir() && dir.join("grader").join("Cargo.toml").is_file()
}

fn find_root(start: &Path) -> Result<PathBuf> {
    for dir in start.ancestors() {
        if is_clone(dir) || dir.join(PRACTICE_MARKER).is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    bail!(NOT_IN_A_WORKSPACE.replace("{path}", &start.display().to_string()))
}

const NOT_IN_A_WORKSPACE: &str = "no dekata workspace here: neither {path} nor a folder above it is a practice \
folder (one with dekata.toml) or a clone of dekata.\n\
Make one with `dekata init DIR` and run dekata inside it, or set DEKATA_ROOT to a clone's path.";
