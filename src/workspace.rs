//! Where things are: the project root and the folders dekata reads and
//! writes. The root is `$DEKATA_ROOT`, else the nearest folder above the
//! current one that holds both `katas/` and `grader/Cargo.toml`. The
//! catalogue is its `katas/`, unless `--katas DIR` (or `$DEKATA_KATAS`)
//! points at an instructor's own kata folder.

use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
pub struct Workspace {
    pub root: PathBuf,
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
        let target = match std::env::var_os("DEKATA_TARGET_DIR") {
            Some(t) => PathBuf::from(t),
            None => root.join("target").join("dekata"),
        };
        crate::python::remember_in(&target);
        let own_katas = katas.or_else(|| std::env::var_os("DEKATA_KATAS").filter(|k| !k.is_empty()).map(PathBuf::from));
        let own_katas = own_katas.map(|k| std::fs::canonicalize(&k).unwrap_or(k));
        Ok(Workspace { root, target, own_katas })
    }

    /// The catalogue: the kata folder asked for, else `katas/`.
    pub fn katas(&self) -> PathBuf {
        self.own_katas.clone().unwrap_or_else(|| self.root.join("katas"))
    }

    pub fn solutions(&self) -> PathBuf {
        self.root.join("solutions")
    }

    pub fn grader(&self) -> PathBuf {
        self.root.join("grader")
    }
    /// The prelude crate: what a Rust solution sees as `grader`.
    pub fn prelude(&self) -> PathBuf {
        self.root.join("prelude")
    }
    /// The engine side of the DataFrame katas (links Apache DataFusion).
    pub fn grader_df(&self) -> PathBuf {
        self.root.join("grader-df")
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

fn find_root(start: &Path) -> Result<PathBuf> {
    for dir in start.ancestors() {
        if dir.join("katas").is_dir() && dir.join("grader").join("Cargo.toml").is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    bail!(NOT_IN_A_WORKSPACE.replace("{path}", &start.display().to_string()))
}

const NOT_IN_A_WORKSPACE: &str = "no dekata workspace here: {path} has no parent folder holding katas/ and grader/.\n\
Run dekata from inside the dekata repository, or set DEKATA_ROOT to its path.";
