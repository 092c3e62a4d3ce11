//! Finding the Java that runs Spark: `$JAVA_HOME`, else `java` on PATH,
//! resolved to its real installation (a Debian alternative is a chain of
//! links), and at least the version Spark 4 needs.

use crate::error::Setup;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The oldest Java Spark 4 runs on.
pub const OLDEST: u32 = 17;

/// An installed Java.
#[derive(Clone, Debug, PartialEq)]
pub struct Java {
    /// The installation's folder (`bin/java` is below it).
    pub home: PathBuf,
    /// The feature version (17, 21, ...).
    pub version: u32,
}

/// The Java to run Spark with, or how to install one.
pub fn find() -> Result<Java> {
    let launcher = match std::env::var_os("JAVA_HOME").filter(|h| !h.is_empty()) {
        Some(home) => PathBuf::from(home).join("bin").join("java"),
        None => on_path("java").ok_or_else(|| Setup::new(NO_JAVA))?,
    };
    let real = std::fs::canonicalize(&launcher)
        .map_err(|e| Setup::new(format!("cannot find {} ({e}). {NO_JAVA}", launcher.display())))?;
    let home = real
        .parent()
        .and_then(Path::parent)
        .ok_or_else(|| Setup::new(format!("{} is not inside a Java installation. {NO_JAVA}", real.display())))?
        .to_path_buf();
    let out = Command::new(&real)
        .arg("-version")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Setup::new(format!("cannot run {} ({e}). {NO_JAVA}", real.display())))?;
    // `java -version` writes on stderr: `openjdk version "17.0.15" 2025-04-15`.
    let said = String::from_utf8_lossy(&out.stderr);
    let version = version_of(&said)
        .ok_or_else(|| Setup::new(format!("{} did not say its version:\n{said}\n{NO_JAVA}", real.display())))?;
    if version < OLDEST {
        return Err(Setup::new(
            TOO_OLD.replace("{path}", &real.display().to_string()).replace("{version}", &version.to_string()),
        )
        .into());
    }
    Ok(Java { home, version })
}

impl Java {
    /// The folders outside the installation that its links point into
    /// (Debian keeps a JDK's configuration in `/etc/java-17-openjdk`): the
    /// JVM reads them as part of itself.
    pub fn linked_folders(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        for entry in walkdir::WalkDir::new(&self.home).into_iter().flatten() {
            if !entry.path_is_symlink() {
                continue;
            }
            let Ok(target) = std::fs::canonicalize(entry.path()) else { continue };
            let folder =
                if target.is_dir() { target } else { target.parent().map(Path::to_path_buf).unwrap_or(target) };
            if !folder.starts_with(&self.home) && !out.iter().any(|f| folder.starts_with(f)) {
                out.retain(|f| !f.starts_with(&folder));
                out.push(folder);
            }
        }
        out
    }
}

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file())
}

/// The feature version in `java -version`'s first line: `"17.0.15"` is
/// 17, the old style `"1.8.0_392"` is 8.
fn version_of(text: &str) -> Option<u32> {
    let quoted = text.split('"').nth(1)?;
    let mut parts = quoted.split(|c: char| !c.is_ascii_digit());
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 { parts.next()?.parse().ok() } else { Some(first) }
}

const NO_JAVA: &str = "The PySpark katas run Apache Spark, which needs Java 17 or later, and none was \
found (set JAVA_HOME, or put `java` on PATH). On Debian or Ubuntu: `sudo apt-get install \
openjdk-17-jre-headless`; on macOS: `brew install openjdk@17`. Every other kata, in Rust or Python, \
runs without Java.";
const TOO_OLD: &str = "{path} is Java {version}; Apache Spark 4 needs Java 17 or later. Install one \
(on Debian or Ubuntu: `sudo apt-get install openjdk-17-jre-headless`) and set JAVA_HOME to it.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_in_both_styles() {
        assert_eq!(version_of("openjdk version \"17.0.15\" 2025-04-15\nOpenJDK Runtime"), Some(17));
        assert_eq!(version_of("java version \"21\" 2023-09-19"), Some(21));
        assert_eq!(version_of("java version \"1.8.0_392\""), Some(8));
        assert_eq!(version_of("no version here"), None);
    }
}
