//! Cargo plumbing for the generated worker packages: their manifests, lock
//! files and glue files, one-time library builds with progress, and
//! building one binary with the compiler's messages kept.

use crate::error::Internal;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// What `cargo build --bin` gave: the binary, or the compiler's complaint.
pub enum Built {
    Binary(PathBuf, f64),
    Rejected(String),
}

/// Builds one binary of a generated package, unless this process built it
/// and none of the files it was built from (its glue file among them) has
/// changed since: cargo's own check of a package that links DataFusion
/// costs a seventh of a second, and a validation or a check's follow-ups
/// ask for a kata's binary once per file and seed.
pub fn build_bin(ws: &Workspace, package: &Path, target_dir: &Path, name: &str, color: bool) -> Result<Built> {
    let binary = target_dir.join("debug").join(name);
    let info = target_dir.join("debug").join(format!("{name}.d"));
    if built_here().get(&binary).is_some_and(|at| binary.is_file() && unchanged_since(&info, *at)) {
        return Ok(Built::Binary(binary, 0.0));
    }
    let at = std::time::SystemTime::now();
    let built = cargo_build_bin(ws, package, target_dir, name, color)?;
    if matches!(built, Built::Binary(..)) {
        built_here().insert(binary, at);
    }
    Ok(built)
}

/// The binaries this process built, with when each build began.
fn built_here() -> std::sync::MutexGuard<'static, std::collections::BTreeMap<PathBuf, std::time::SystemTime>> {
    static BUILT: std::sync::Mutex<std::collections::BTreeMap<PathBuf, std::time::SystemTime>> =
        std::sync::Mutex::new(std::collections::BTreeMap::new());
    BUILT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether no file a binary was built from (as its dep-info file `info`,
/// written by cargo beside it, lists them) changed after `at`.
fn unchanged_since(info: &Path, at: std::time::SystemTime) -> bool {
    let Ok(info) = std::fs::read_to_string(info) else { return false };
    let Some((_, sources)) = info.lines().next().and_then(|l| l.split_once(": ")) else { return false };
    // Paths are separated by spaces; a space within one is escaped.
    let sources = sources.replace("\\ ", "\0");
    sources
        .split_whitespace()
        .map(|p| PathBuf::from(p.replace('\0', " ")))
        .all(|source| std::fs::metadata(&source).and_then(|m| m.modified()).is_ok_and(|modified| modified <= at))
}

/// Runs `cargo build --bin`; a rejection by the compiler is the
/// solution's problem, any other failure is dekata's.
fn cargo_build_bin(ws: &Workspace, package: &Path, target_dir: &Path, name: &str, color: bool) -> Result<Built> {
    let started = Instant::now();
    let output = cargo()
        .args(["build", "--quiet", "--bin", name, "--color"])
        .arg(if color { "always" } else { "never" })
        .arg("--manifest-path")
        .arg(package.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Internal::new(format!("{CARGO_MISSING} ({e})")))?;
    if !output.status.success() {
        let stderr = scrub_paths(ws, &String::from_utf8_lossy(&output.stderr));
        // Cargo says "could not compile" when rustc rejected the code; any
        // other failure (a broken manifest, a missing registry) is ours.
        if !stderr.contains("could not compile") {
            return Err(Internal::new(format!("{CARGO_FAILED}\n{stderr}")).into());
        }
        return Ok(Built::Rejected(stderr));
    }
    let binary = target_dir.join("debug").join(name);
    if !binary.is_file() {
        return Err(Internal::new(format!("cargo built {name} but {} is not there", binary.display())).into());
    }
    Ok(Built::Binary(binary, started.elapsed().as_secs_f64()))
}

pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    // A harness build must not inherit settings meant for an outer build.
    c.env_remove("CARGO_TARGET_DIR").env_remove("CARGO_BUILD_TARGET_DIR");
    c
}

/// A generated package's manifest: its dependencies by name, each a table
/// as Cargo.toml spells it, and the profile its binaries build with.
pub struct Manifest {
    pub name: &'static str,
    pub comment: &'static str,
    pub dependencies: Vec<(&'static str, toml::Table)>,
    pub profile: toml::Table,
}

impl Manifest {
    pub fn render(&self) -> Result<String> {
        let mut package = toml::Table::new();
        package.insert("name".into(), self.name.into());
        package.insert("version".into(), "0.0.0".into());
        package.insert("edition".into(), "2024".into());
        package.insert("publish".into(), false.into());
        let mut doc = toml::Table::new();
        doc.insert("package".into(), package.into());
        let deps: toml::Table = self.dependencies.iter().map(|(n, t)| (n.to_string(), t.clone().into())).collect();
        doc.insert("dependencies".into(), deps.into());
        let mut profile = toml::Table::new();
        profile.insert("dev".into(), self.profile.clone().into());
        doc.insert("profile".into(), profile.into());
        // A workspace of its own: never part of an enclosing one.
        doc.insert("workspace".into(), toml::Table::new().into());
        let body = toml::to_string(&doc).context("cannot write a generated manifest")?;
        Ok(format!("{}\n{body}", self.comment.lines().map(|l| format!("# {l}\n")).collect::<String>()))
    }
}

/// A dependency on a package by path, under another name if `package` is
/// given (`grader = { package = "dekata-prelude", path = ".." }`).
pub fn path_dependency(path: &Path, package: Option<&str>) -> toml::Table {
    let mut t = toml::Table::new();
    if let Some(p) = package {
        t.insert("package".into(), p.into());
    }
    // The real path, so that every checkout of the same grader (tests use
    // symlinked ones) shares one build.
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    t.insert("path".into(), real.display().to_string().into());
    t
}

/// A dependency on a registry version.
pub fn version_dependency(version: &str, features: &[&str], default_features: bool) -> toml::Table {
    let mut t = toml::Table::new();
    t.insert("version".into(), version.into());
    if !features.is_empty() {
        t.insert("features".into(), toml::Value::Array(features.iter().map(|f| (*f).into()).collect()));
    }
    if !default_features {
        t.insert("default-features".into(), false.into());
    }
    t
}

/// A library built once per fingerprint, with cargo's progress on stderr
/// and a marker file in the target directory once it is done.
pub struct LibraryBuild {
    pub marker: String,
    pub package: &'static str,
    pub announce: String,
    /// Where the library's sources are, for the error message.
    pub source: PathBuf,
}

impl LibraryBuild {
    /// Builds unless already built; the seconds it took, if it built.
    pub fn run(&self, package: &Path, target_dir: &Path) -> Result<Option<f64>> {
        let marker = target_dir.join(&self.marker);
        if marker.exists() {
            return Ok(None);
        }
        eprintln!("{}", self.announce);
        let started = Instant::now();
        let status = cargo()
            .args(["build", "--lib", "--package", self.package, "--manifest-path"])
            .arg(package.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(target_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .map_err(|e| Internal::new(format!("{CARGO_MISSING} ({e})")))?;
        if !status.success() {
            return Err(Internal::new(format!(
                "building {} failed (see cargo's messages above); is {} intact?",
                self.package,
                self.source.display()
            ))
            .into());
        }
        std::fs::create_dir_all(target_dir).with_context(|| format!("cannot create {}", target_dir.display()))?;
        std::fs::write(&marker, b"").with_context(|| format!("cannot write {}", marker.display()))?;
        Ok(Some(started.elapsed().as_secs_f64()))
    }
}

/// Gives a generated package the versions pinned by `pinned` (a lock file)
/// the first time, atomically, so that harnesses built at once never see
/// half a lock file.
pub fn seed_lock(package: &Path, pinned: &Path) -> Result<()> {
    let lock = package.join("Cargo.lock");
    if lock.exists() || !pinned.is_file() {
        return Ok(());
    }
    let bytes = std::fs::read(pinned).with_context(|| format!("cannot read {}", pinned.display()))?;
    crate::atomic::write(&lock, &bytes)
}

/// Writes a file only when its content changes (keeping cargo's
/// fingerprints valid), atomically.
pub fn write_if_changed(path: &Path, content: &str) -> Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    crate::atomic::write(path, content.as_bytes())
}

/// Compiler messages name files relative to the project root.
pub fn scrub_paths(ws: &Workspace, text: &str) -> String {
    let root = format!("{}/", ws.root.display());
    text.replace(&root, "")
}

/// Removes a built binary with its intermediate files.
pub fn remove_binary(target_dir: &Path, name: &str) {
    let debug = target_dir.join("debug");
    built_here().remove(&debug.join(name));
    let _ = std::fs::remove_file(debug.join(name));
    let _ = std::fs::remove_file(debug.join(format!("{name}.d")));
    let prefix = format!("{}-", name.replace('-', "_"));
    for dir in ["deps", "incremental"] {
        let Ok(found) = std::fs::read_dir(debug.join(dir)) else { continue };
        for item in found.flatten().filter(|i| i.file_name().to_string_lossy().starts_with(&prefix)) {
            let _ = if item.path().is_dir() {
                std::fs::remove_dir_all(item.path())
            } else {
                std::fs::remove_file(item.path())
            };
        }
    }
}

pub const CARGO_MISSING: &str = "cannot run cargo: dekata compiles solutions with cargo, which must be on PATH \
(install Rust with rustup, https://rustup.rs)";
const CARGO_FAILED: &str = "cargo could not build a worker (this is a dekata problem, not your code):";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_is_fresh_until_a_file_it_was_built_from_changes() {
        let dir = tempfile::tempdir().unwrap();
        let spaced = dir.path().join("my solution.rs");
        let other = dir.path().join("glue.rs");
        std::fs::write(&spaced, "fn main() {}").unwrap();
        std::fs::write(&other, "").unwrap();
        let info = dir.path().join("bin.d");
        let escaped = spaced.display().to_string().replace(' ', "\\ ");
        std::fs::write(&info, format!("{}: {escaped} {}\n", dir.path().join("bin").display(), other.display()))
            .unwrap();
        let at = std::time::SystemTime::now();
        assert!(unchanged_since(&info, at));
        // A save after the build began: built again.
        let later = at + std::time::Duration::from_secs(1);
        std::fs::File::options().write(true).open(&spaced).unwrap().set_modified(later).unwrap();
        assert!(!unchanged_since(&info, at));
        // A source gone, or no dep-info at all: built again.
        std::fs::remove_file(&spaced).unwrap();
        assert!(!unchanged_since(&info, later));
        assert!(!unchanged_since(&dir.path().join("none.d"), at));
    }
}
