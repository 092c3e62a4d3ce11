//! The learner's files in `solutions/`: `<kata>.rs` or `<kata>.py`, created
//! from the kata's starter in that language when missing, never
//! overwritten.
//!
//! It also keeps the editor package up to date: `solutions/Cargo.toml` and
//! `solutions/lib.rs`, a cargo package of its own (its own `[workspace]`,
//! excluded from the project's) that includes every `solutions/*.rs` as a
//! module, so that rust-analyzer checks the learner's files with the
//! grader's prelude in scope. Grading never uses it, and the project's
//! `cargo test --workspace` never builds it.

use crate::catalog::Kata;
use crate::error::BadRequest;
use crate::language::Language;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn path(ws: &Workspace, kata: &Kata, language: Language) -> PathBuf {
    ws.solutions().join(format!("{}.{}", kata.id, language.extension()))
}

/// The learner's file for `kata` in `language`, created from the starter
/// if it does not exist yet. Returns the path and whether it was created
/// now. Refreshes the editor package either way.
pub fn ensure(ws: &Workspace, kata: &Kata, language: Language) -> Result<(PathBuf, bool)> {
    if !kata.speaks(language) {
        return Err(BadRequest::new(
            NO_FORM
                .replace("{kata}", &kata.id)
                .replace("{language}", language.title())
                .replace("{key}", language.key()),
        )
        .into());
    }
    let created = create_from_starter(ws, kata, language)?;
    refresh_or_warn(ws);
    Ok((path(ws, kata, language), created))
}

/// Writes the starter to the learner's file unless it exists; whether it did.
fn create_from_starter(ws: &Workspace, kata: &Kata, language: Language) -> Result<bool> {
    let path = path(ws, kata, language);
    if path.exists() {
        return Ok(false);
    }
    let starter_path = kata.starter(language);
    let starter = std::fs::read(&starter_path).with_context(|| format!("cannot read {}", starter_path.display()))?;
    std::fs::create_dir_all(ws.solutions()).with_context(|| format!("cannot create {}", ws.solutions().display()))?;
    // create_new: if another process made the file meanwhile, keep theirs.
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(mut f) => {
            f.write_all(&starter).with_context(|| format!("cannot write {}", path.display()))?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// Editor support is a convenience: a failure to refresh it is reported on
/// stderr and never stops a check or a reset.
pub fn refresh_or_warn(ws: &Workspace) {
    if let Err(e) = refresh(ws) {
        eprintln!("warning: {e:#}");
    }
}

/// Rewrites `solutions/Cargo.toml` and `solutions/lib.rs` to include every
/// solution file now in `solutions/`, writing only what changed. A file of
/// that name that dekata did not generate is left alone (and reported).
pub fn refresh(ws: &Workspace) -> Result<()> {
    let dir = ws.solutions();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let modules = modules(&dir)?;
    // DataFrame solutions name the engine: only then does the editor
    // package depend on it (rust-analyzer builds it once for the editor).
    let frames = modules
        .iter()
        .any(|(_, file)| std::fs::read_to_string(dir.join(file)).is_ok_and(|t| t.contains("datafusion::")));
    // In a clone the prelude is beside `solutions/`; in a practice folder
    // it is among dekata's unpacked files.
    let prelude = if ws.install == ws.root { "../prelude".to_string() } else { ws.prelude().display().to_string() };
    let manifest = MANIFEST_TEXT.replace("path = \"../prelude\"", &format!("path = {}", toml_string(&prelude)));
    let manifest = if frames {
        manifest.replace(
            "serde_json = \"1\"\n",
            &format!("serde_json = \"1\"\n{}", ENGINE_DEPENDENCY.replace("{version}", crate::compile::engine::ENGINE)),
        )
    } else {
        manifest
    };
    write_generated(ws, &dir.join(MANIFEST), &manifest)?;
    write_generated(ws, &dir.join(LIB), &lib_rs(&modules))?;
    seed_lockfile(ws, &dir)
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The solution files in `dir` as (module name, file name), sorted.
fn modules(dir: &Path) -> Result<Vec<(String, String)>> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = file.strip_suffix(".rs") else { continue };
        if file == LIB || !entry.path().is_file() {
            continue;
        }
        if let Some(module) = module_name(stem) {
            out.push((module, file));
        }
    }
    out.sort();
    Ok(out)
}

/// The Rust module name for a file stem: itself if it is an identifier, a
/// raw identifier if it is a keyword; None if it cannot name a module.
fn module_name(stem: &str) -> Option<String> {
    let mut chars = stem.chars();
    let ident = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && stem != "_";
    match stem {
        _ if !ident => None,
        "crate" | "self" | "super" | "Self" => None,
        _ if KEYWORDS.contains(&stem) => Some(format!("r#{stem}")),
        _ => Some(stem.to_string()),
    }
}

fn lib_rs(modules: &[(String, String)]) -> String {
    let mut text = String::from(LIB_HEADER);
    for (module, file) in modules {
        text.push_str(&format!("\n#[path = {file:?}]\npub mod {module};\n"));
    }
    text
}

/// Writes a generated file atomically, only when its content changes, and
/// never over a file that dekata did not generate.
fn write_generated(ws: &Workspace, path: &Path, content: &str) -> Result<()> {
    let old = match std::fs::read_to_string(path) {
        Ok(old) => Some(old),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    match old {
        Some(old) if old == content => Ok(()),
        Some(old) if !old.lines().next().is_some_and(|l| l.contains(MARKER)) => {
            bail!(NOT_OURS.replace("{path}", &ws.display(path)))
        }
        _ => crate::atomic::write(path, content.as_bytes()),
    }
}

/// Gives the editor package the project's dependency versions, so that its
/// first check needs no registry update.
fn seed_lockfile(ws: &Workspace, dir: &Path) -> Result<()> {
    let lock = dir.join("Cargo.lock");
    let root_lock = ws.lockfile();
    if lock.exists() || !root_lock.is_file() {
        return Ok(());
    }
    let bytes = std::fs::read(&root_lock).with_context(|| format!("cannot read {}", root_lock.display()))?;
    crate::atomic::write(&lock, &bytes)
}

const NO_FORM: &str = "the kata `{kata}` has no {language} form yet: `dekata show {kata}` lists the \
languages it is graded in (`--lang` picks one for a command, `dekata lang` for good)";
const ENGINE_DEPENDENCY: &str = "# Your DataFrame solutions use Apache DataFusion, as the grader does.\n\
datafusion = { version = \"={version}\", default-features = false }\n";
const MANIFEST: &str = "Cargo.toml";
const LIB: &str = "lib.rs";
const MARKER: &str = "@generated by dekata";

/// Strict and reserved keywords of Rust 2024 that raw identifiers can name.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

const MANIFEST_TEXT: &str = r#"# @generated by dekata: editor support for your solutions (rust-analyzer).
# dekata rewrites this file; grading does not use it. See README.md.
[package]
name = "dekata-solutions"
version = "0.0.0"
edition = "2024"
publish = false
autobins = false
autoexamples = false
autotests = false
autobenches = false

[lib]
name = "solutions"
path = "lib.rs"
test = false
doctest = false

# What a worker gives your code: `grader::prelude` (the prelude crate).
[dependencies]
grader = { package = "dekata-prelude", path = "../prelude" }
serde = { version = "1", features = ["derive"] }
serde_json = "1"

# A workspace of its own: the project's `cargo test --workspace` never
# compiles your solutions.
[workspace]
"#;

const LIB_HEADER: &str = "// @generated by dekata: every solution file in this folder as a module, so\n\
// that rust-analyzer checks them. dekata rewrites this file when it creates a\n\
// solution file; grading does not use it. See README.md.\n";

const NOT_OURS: &str = "editor support not refreshed: {path} was not generated by dekata, so it is left as it is. \
Move it elsewhere and dekata will regenerate it at the next check.";
