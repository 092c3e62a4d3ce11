//! `dekata init [DIR]`: a practice folder anywhere. It holds the learner's
//! `solutions/` and `.dekata/`, a `dekata.toml` that marks it, and the
//! editor's files for the chosen language; the catalogue and the grader
//! come from the installed dekata (`crate::install`). Nothing that exists
//! is overwritten.

use crate::cmd::shared::Lang;
use crate::error::BadRequest;
use crate::language::Language;
use crate::settings;
use crate::solution_files;
use crate::workspace::{PRACTICE_MARKER, Workspace};
use anyhow::{Context, Result};
use colored::Colorize;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The folder to make a practice folder of (default: the current one)
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub lang: Lang,
}

pub fn run(args: Args) -> Result<bool> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let dir = std::fs::canonicalize(&dir).with_context(|| format!("cannot resolve {}", dir.display()))?;
    if Workspace::is_clone(&dir) {
        return Err(BadRequest::new(IN_A_CLONE.replace("{dir}", &dir.display().to_string())).into());
    }
    let marker = dir.join(PRACTICE_MARKER);
    let again = marker.is_file();
    if !again {
        write_new(&marker, MARKER_TEXT.replace("{version}", env!("CARGO_PKG_VERSION")).as_bytes())?;
    }
    let ws = Workspace::practice(&dir)?;
    for d in [ws.solutions(), ws.state()] {
        std::fs::create_dir_all(&d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    if let Some(language) = args.lang.chosen {
        let mut chosen = settings::load(&ws)?;
        chosen.language = language;
        settings::save(&ws, &chosen)?;
    }
    let language = settings::language(&ws, None)?;
    let pyright = dir.join("pyrightconfig.json");
    if !pyright.exists() {
        let stubs = ws.grader().join("python").display().to_string();
        let config = serde_json::json!({
            "include": ["solutions"],
            "extraPaths": [stubs],
            "stubPath": stubs,
            "pythonVersion": "3.10",
            "typeCheckingMode": "basic",
        });
        write_new(&pyright, serde_json::to_string_pretty(&config)?.as_bytes())?;
    }
    if language == Language::Rust {
        solution_files::refresh(&ws)?;
    }
    let shown = dir.display().to_string();
    let lead = if again { ALREADY } else { READY };
    println!("{}", lead.replace("{dir}", &shown).bold());
    println!("{}", NEXT.replace("{dir}", &shown).replace("{language}", language.title()));
    Ok(true)
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    f.write_all(bytes).with_context(|| format!("cannot write {}", path.display()))
}

const MARKER_TEXT: &str = "# A dekata practice folder, made by `dekata init` (dekata {version}).\n\
# Your solutions are in solutions/, your progress in .dekata/; the katas\n\
# and the grader come with dekata itself.\n";
const READY: &str = "Practice folder ready: {dir}";
const ALREADY: &str = "{dir} was already a practice folder: nothing in it was changed, missing parts were added.";
const NEXT: &str = "You write {language} (`dekata lang rust|python` changes it). Next:\n  \
cd {dir}\n  dekata list\n  dekata check count_events";
const IN_A_CLONE: &str = "{dir} is a clone of dekata: it is already a practice folder, with its own katas. \
Run dekata inside it, or `dekata init` another folder.";
