//! The catalogue's references built into dekata: the companion binary
//! `dekata-references`, built beside dekata, serves each kata's Rust
//! reference (and an estimating kata's exact program), so that a Python
//! check and the truth side of a Rust check run no cargo.
//!
//! A built-in program is used only when it is what cargo would build now:
//! the kata's call (shape, entry, arguments) and the program's source are
//! the ones it was built from, and the companion was built with this
//! dekata. Otherwise (an instructor's kata, an edited reference) the
//! program is built by cargo as before.

use super::{Program, glue};
use crate::catalog::Kata;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One program built in: its key (`<kata>__reference`, `<kata>__truth`),
/// the call its worker makes, and the source it was built from.
pub struct BuiltIn {
    key: &'static str,
    call: &'static str,
    source: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/built_in_table.rs"));

/// The companion's file name, beside dekata's own.
pub const COMPANION: &str = "dekata-references";

/// Which of a kata's trusted programs.
#[derive(Clone, Copy, Debug)]
pub enum Role {
    Reference,
    /// An estimating kata's exact program (`truth.rs`).
    Truth,
}

impl Role {
    /// The program's name, built in and as cargo builds it:
    /// `<kata>__reference`, `<kata>__truth`.
    pub fn key(self, kata: &Kata) -> String {
        let role = match self {
            Role::Reference => "reference",
            Role::Truth => "truth",
        };
        format!("{}__{role}", kata.id)
    }

    /// The program as messages name it.
    pub fn described(self) -> &'static str {
        match self {
            Role::Reference => "reference",
            Role::Truth => "exact program",
        }
    }
}

/// The built-in worker for `kata`'s program in `role`, whose source is
/// `source`, if this build holds it unchanged.
pub fn program(kata: &Kata, role: Role, source: &Path) -> Option<Program> {
    if kata.needs_engine() {
        return None;
    }
    let key = role.key(kata);
    let found = BUILT_IN.iter().find(|b| b.key == key)?;
    if found.call != glue::call(kata, &key) {
        return None;
    }
    if std::fs::read_to_string(source).ok()? != found.source {
        return None;
    }
    Some(Program::Native { binary: companion()?.clone(), variant: Some(key) })
}

/// The companion beside the running dekata, if it was built with it.
fn companion() -> Option<&'static PathBuf> {
    static FOUND: OnceLock<Option<PathBuf>> = OnceLock::new();
    FOUND
        .get_or_init(|| {
            let path = std::env::current_exe().ok()?.parent()?.join(COMPANION);
            let out = std::process::Command::new(&path)
                .arg("--fingerprint")
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .output()
                .ok()?;
            let said = String::from_utf8_lossy(&out.stdout);
            (out.status.success() && said.trim() == env!("DEKATA_BUNDLE_FINGERPRINT")).then_some(path)
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kata of the catalogue a plain worker runs has its reference
    /// (and exact program) built in, as its kata.toml calls it: build.rs
    /// reads kata.toml as the catalogue does.
    #[test]
    fn the_catalogue_is_built_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let katas = crate::catalog::load_all(&root.join("katas")).unwrap();
        let mut seen = 0;
        for kata in katas.iter().filter(|k| !k.needs_engine()) {
            let mut programs = vec![(Role::Reference, kata.reference(crate::language::Language::Rust))];
            programs.extend(kata.truth().map(|t| (Role::Truth, t)));
            for (role, source) in programs {
                let key = role.key(kata);
                let found = BUILT_IN.iter().find(|b| b.key == key).unwrap_or_else(|| panic!("{key} is not built in"));
                assert_eq!(found.call, glue::call(kata, &key), "{key}");
                assert_eq!(found.source, std::fs::read_to_string(&source).unwrap(), "{key}");
                seen += 1;
            }
        }
        assert_eq!(seen, BUILT_IN.len(), "the table holds only the catalogue's programs");
        assert!(seen >= 30, "{seen}");
    }
}
