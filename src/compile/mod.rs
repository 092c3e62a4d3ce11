//! Turning a solution file into a program a worker can run.
//!
//! - `vet`: what a learner's Rust file may not contain, checked first;
//! - `glue`: the generated `main` of each worker binary, every call shape;
//! - `cargo`: the generated packages, lock files and cargo runs;
//! - `plain`: the build of every kata but the DataFrame ones;
//! - `engine`: the DataFrame katas' build, which links DataFusion;
//! - `built_in`: the catalogue's references, built with dekata itself.
//!
//! A learner's file (or a mutant, or a starter) and a kata's reference are
//! always built into different binaries: the learner's worker never holds
//! the reference. Python files need no build: they run in the Python worker.

pub mod built_in;
mod cargo;
pub mod engine;
mod glue;
mod plain;
pub mod vet;

use crate::catalog::Kata;
use crate::error::Internal;
use crate::language::Language;
use crate::mutants;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use cargo::Built;
use std::path::{Path, PathBuf};

/// A program that serves the worker protocol.
#[derive(Clone, Debug, PartialEq)]
pub enum Program {
    /// A compiled worker; `variant` picks the solution in a binary that
    /// holds several.
    Native { binary: PathBuf, variant: Option<String> },
    /// A Python file, run by dekata's Python worker: the file, how
    /// reports name it, and how the kata calls it; a DataFrame kata's
    /// runs on PySpark.
    Python {
        runner: PathBuf,
        solution: PathBuf,
        shown_as: String,
        entry: String,
        shape: crate::catalog::Shape,
        /// The kata's extra arguments, as Python is given them.
        args: Vec<serde_json::Value>,
        spark: Option<Box<SparkSession>>,
    },
}

/// How a PySpark worker is set up: what it runs on, the engine it is a
/// client of, and what each run's session holds (tables, settings).
#[derive(Clone, Debug, PartialEq)]
pub struct SparkSession {
    pub runtime: crate::spark::Runtime,
    pub engine: crate::spark::engine::Place,
    /// The kata's tables, as the engine and the worker read them.
    pub tables: serde_json::Value,
    /// The settings every run's session starts with.
    pub settings: std::collections::BTreeMap<String, String>,
    /// The worker's own memory allowance.
    pub python_memory_mib: u64,
    /// Whether the engine counts each shuffle's rows per partition (a
    /// job per shuffle): for katas with a skew rule.
    pub count_partitions: bool,
    /// The engine's port the worker connects to: set when it starts.
    pub port: u16,
}

impl SparkSession {
    /// What the worker is told: where the engine serves, the tables, its
    /// memory allowance.
    pub fn worker_json(&self) -> String {
        let remote = match &self.engine.remote {
            Some(r) => r.url.clone(),
            None => format!("sc://127.0.0.1:{}", self.port),
        };
        serde_json::json!({
            "remote": remote,
            "tables": self.tables,
            "python_memory_mib": self.python_memory_mib,
        })
        .to_string()
    }
}

/// What building a learner-side solution gave.
pub enum Compiled {
    Built {
        program: Program,
        seconds: f64,
    },
    /// The file was refused or did not compile: the text says why.
    Rejected {
        stderr: String,
    },
}

/// Builds the worker for a learner-side file: a learner's solution, a
/// starter or a mutant. Its Rust is vetted first. `shown_as` is the file
/// messages name when `solution` is a private copy of it (`grade`).
pub fn learner(ws: &Workspace, kata: &Kata, solution: &Path, shown_as: Option<&Path>, color: bool) -> Result<Compiled> {
    if Language::of(solution) == Language::Python {
        let mut program = python(ws, kata, solution)?;
        if let (Program::Python { shown_as: named, .. }, Some(original)) = (&mut program, shown_as) {
            *named = ws.display(original);
        }
        return Ok(Compiled::Built { program, seconds: 0.0 });
    }
    let solution = std::fs::canonicalize(solution)
        .with_context(|| format!("cannot resolve the solution path {}", solution.display()))?;
    let source = std::fs::read_to_string(&solution).with_context(|| format!("cannot read {}", solution.display()))?;
    let refusals = vet::vet(&source);
    if !refusals.is_empty() {
        let shown = ws.display(shown_as.unwrap_or(&solution));
        let text: String = refusals.iter().map(|r| r.render(&shown)).collect::<Vec<_>>().join("\n");
        return Ok(Compiled::Rejected { stderr: format!("{text}\n{REFUSED}") });
    }
    let reference = std::fs::canonicalize(kata.reference(Language::Rust)).ok();
    if reference.as_deref() == Some(solution.as_path()) {
        // The reference graded as a learner (by `validate`): its own worker.
        return Ok(Compiled::Built { program: self::reference(ws, kata, color)?, seconds: 0.0 });
    }
    // The kata's own learner-side files (its starter and mutants, which
    // `validate` grades one after another) build as one binary: one cargo
    // run and one link per kata instead of one per file.
    if in_kata_folder(kata, &solution)? {
        let modules = kata_modules(kata)?;
        let Some((variant, _)) = modules.iter().find(|(_, path)| *path == solution) else {
            return Err(Internal::new(format!(
                "{} is in the kata's folder but is not its starter or a mutant",
                solution.display()
            ))
            .into());
        };
        let listed: Vec<(String, &Path)> = modules.iter().map(|(v, p)| (v.clone(), p.as_path())).collect();
        let name = format!("{}__kata", kata.id);
        match build(ws, kata, &name, &glue::several(kata, &listed), color)? {
            Built::Binary(binary, seconds) => {
                return Ok(Compiled::Built {
                    program: Program::Native { binary, variant: Some(variant.clone()) },
                    seconds,
                });
            }
            // One of them does not compile: each is then built alone, so
            // that the compiler's complaint is about this file only.
            Built::Rejected(_) if !kata.needs_engine() => {}
            Built::Rejected(stderr) => return Ok(Compiled::Rejected { stderr }),
        }
    }
    let built = build(ws, kata, &binary_name(kata, &solution), &glue::single(kata, &solution), color)?;
    Ok(match built {
        Built::Binary(binary, seconds) => {
            Compiled::Built { program: Program::Native { binary, variant: None }, seconds }
        }
        Built::Rejected(stderr) => Compiled::Rejected { stderr },
    })
}

/// The kata's Rust reference worker: built in, or built now. A reference
/// that does not compile is the kata's problem, never the learner's.
pub fn reference(ws: &Workspace, kata: &Kata, color: bool) -> Result<Program> {
    trusted(ws, kata, built_in::Role::Reference, &kata.reference(Language::Rust), color)
}

/// An estimating kata's exact program (`truth.rs`), built in or built
/// now: as the reference, the kata's own trusted code.
pub fn truth(ws: &Workspace, kata: &Kata, color: bool) -> Result<Program> {
    let path = kata.truth().ok_or_else(|| Internal::new(format!("the kata `{}` has no truth.rs", kata.id)))?;
    trusted(ws, kata, built_in::Role::Truth, &path, color)
}

/// One of the kata's trusted programs, the file `path`: the built-in one
/// while it is unchanged, else built by cargo under the same name.
fn trusted(ws: &Workspace, kata: &Kata, role: built_in::Role, path: &Path, color: bool) -> Result<Program> {
    let source = std::fs::canonicalize(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    if let Some(program) = built_in::program(kata, role, &source) {
        return Ok(program);
    }
    match build(ws, kata, &role.key(kata), &glue::single(kata, &source), color)? {
        Built::Binary(binary, _) => Ok(Program::Native { binary, variant: None }),
        Built::Rejected(stderr) => Err(Internal::new(format!(
            "the {} of `{}` ({}) does not compile: this is a problem with the kata.\n{stderr}",
            role.described(),
            kata.id,
            ws.display(path)
        ))
        .into()),
    }
}

/// The Python worker's program for a Python file of `kata`: Python needs
/// no build; the kata's extra arguments are Rust literals that read as
/// JSON (numbers). A DataFrame kata needs Java and PySpark: PySpark is
/// installed here the first time (the Python track's "build").
pub fn python(ws: &Workspace, kata: &Kata, solution: &Path) -> Result<Program> {
    let real = std::fs::canonicalize(solution)
        .with_context(|| format!("cannot resolve the solution path {}", solution.display()))?;
    let args = kata.arg_values.clone().ok_or_else(|| {
        Internal::new(format!("the kata `{}` has arguments that Python cannot be given: {:?}", kata.id, kata.args))
    })?;
    let spark = if kata.needs_engine() {
        let remote = crate::spark::remote()?;
        let count_partitions = kata.kind.plan().is_some_and(|p| p.max_partition_share.is_some());
        let runtime = crate::spark::runtime(ws, &crate::python::interpreter()?)?;
        Some(Box::new(SparkSession {
            runtime,
            engine: crate::spark::engine::Place::of(ws, remote.as_ref()),
            tables: crate::spark::tables_json(kata),
            settings: crate::spark::settings(kata),
            python_memory_mib: kata.limits.hard_memory_mib,
            count_partitions,
            port: 0,
        }))
    } else {
        None
    };
    Ok(Program::Python {
        runner: ws.grader().join("python").join("dekata_worker.py"),
        shown_as: ws.display(&real),
        solution: real,
        entry: kata.entry.clone(),
        shape: kata.shape(),
        args,
        spark,
    })
}

/// Forgets the engine-linked binary of a learner's file that will not be
/// graded again (a class's submission).
pub fn forget(ws: &Workspace, kata: &Kata, solution: &Path) {
    if !kata.needs_engine() || Language::of(solution) != Language::Rust {
        return;
    }
    if let Ok(solution) = std::fs::canonicalize(solution) {
        engine::Engine::new(ws).forget(&binary_name(kata, &solution));
    }
}

fn build(ws: &Workspace, kata: &Kata, name: &str, glue_text: &str, color: bool) -> Result<Built> {
    if kata.needs_engine() {
        engine::Engine::new(ws).build(ws, name, glue_text, color)
    } else {
        plain::Plain::new(ws).build(ws, name, glue_text, color)
    }
}

/// Each solution file builds as `<kata>__<digest of its whole path>`: the
/// same file always reuses its binary (and its incremental state), and
/// different files, mutants or other learners' private copies, never
/// share one.
fn binary_name(kata: &Kata, solution: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    format!("{}__{}", kata.id, crate::digest::hex128(solution.as_os_str().as_bytes()))
}

fn in_kata_folder(kata: &Kata, solution: &Path) -> Result<bool> {
    let dir = std::fs::canonicalize(&kata.dir).with_context(|| format!("cannot resolve {}", kata.dir.display()))?;
    Ok(solution.starts_with(dir))
}

/// The kata's own learner-side Rust files as (variant, canonical path): the
/// starter, and each mutant by its file stem.
fn kata_modules(kata: &Kata) -> Result<Vec<(String, PathBuf)>> {
    let canonical = |p: PathBuf| std::fs::canonicalize(&p).with_context(|| format!("cannot resolve {}", p.display()));
    let mut modules = vec![("starter".to_string(), canonical(kata.starter(Language::Rust))?)];
    for m in mutants::load(kata, Language::Rust)? {
        modules.push((format!("mutant_{}", m.name), canonical(m.path)?));
    }
    Ok(modules)
}

const REFUSED: &str = "dekata refuses these constructs before building, so that a solution cannot reach \
the grader or the kata's reference: see README.md, \"What a submission can and cannot do\".";
