//! Finding a class's submissions: the class folder holds one real folder per
//! learner, each with `<kata>.rs` and `<kata>.py` files. Hidden entries are
//! ignored, and files of katas left out by `--kata` silently; everything
//! else that is not graded is a [`Skip`] with its reason. A submission is
//! graded from its private copy (see `private`).

use super::private::{self, Bounds, Taken};
use super::skip::{Reason, Skip};
use crate::catalog::Kata;
use crate::error::BadRequest;
use crate::language::Language;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// One learner's file for one kata.
pub struct Submission<'a> {
    pub learner: String,
    pub kata: &'a Kata,
    pub language: Language,
    /// The learner's file, as found in the class folder.
    pub path: PathBuf,
    /// Its private copy, what is built or loaded; or why it could not be
    /// made (the submission is then reported as not graded).
    pub copy: Result<PathBuf, String>,
}

impl Submission<'_> {
    /// `<learner>/<kata>.<ext>`, as the class folder names it.
    pub fn shown(&self) -> String {
        format!("{}/{}.{}", self.learner, self.kata.id, self.language.extension())
    }
}

/// The class folder as found: learners (real folders, sorted), their
/// submissions (by learner, then in catalogue order), and what was skipped.
pub struct Class<'a> {
    pub learners: Vec<String>,
    pub submissions: Vec<Submission<'a>>,
    pub skipped: Vec<Skip<'a>>,
}

impl Class<'_> {
    /// How many submissions were refused (links and the like).
    pub fn refused(&self) -> usize {
        self.skipped.iter().filter(|s| s.reason.refused()).count()
    }
}

/// Reads the class folder `dir` for the `chosen` katas.
pub fn find<'a>(ws: &Workspace, dir: &Path, katas: &'a [Kata], chosen: &[&'a Kata]) -> Result<Class<'a>> {
    if !dir.is_dir() {
        return Err(BadRequest::new(NO_CLASS_DIR.replace("{dir}", &dir.display().to_string())).into());
    }
    let catalogue =
        std::fs::canonicalize(ws.katas()).with_context(|| format!("cannot resolve {}", ws.katas().display()))?;
    let mut class = Class { learners: Vec::new(), submissions: Vec::new(), skipped: Vec::new() };
    for (name, path) in visible_entries(dir)? {
        let meta = std::fs::symlink_metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let skip =
            |reason, link_to| Skip { path: name.clone(), reason, link_to, learner: name.clone(), submission: None };
        if meta.file_type().is_symlink() && path.is_dir() {
            let link_to =
                std::fs::read_link(&path).with_context(|| format!("cannot read the link {}", path.display()))?;
            class.skipped.push(skip(Reason::LearnerFolderLink, Some(link_to)));
            continue;
        }
        if !meta.is_dir() {
            class.skipped.push(skip(Reason::NotASubmission, None));
            continue;
        }
        let learner_dir = std::fs::canonicalize(&path).with_context(|| format!("cannot resolve {}", path.display()))?;
        let bounds = Bounds { learner_dir: &learner_dir, katas: &catalogue };
        let mut mine = Vec::new();
        for (file, file_path) in visible_entries(&path)? {
            let skip = |reason, link_to, submission| Skip {
                path: format!("{name}/{file}"),
                reason,
                link_to,
                learner: name.clone(),
                submission,
            };
            let Some((kata, language)) = kata_named(&file, katas) else {
                class.skipped.push(skip(Reason::NotASubmission, None, None));
                continue;
            };
            if !chosen.iter().any(|k| k.id == kata.id) {
                continue;
            }
            let meta = std::fs::symlink_metadata(&file_path)
                .with_context(|| format!("cannot read {}", file_path.display()))?;
            if !meta.is_file() && !meta.file_type().is_symlink() {
                // A folder, a pipe, a socket, a device.
                class.skipped.push(skip(Reason::NotASubmission, None, None));
                continue;
            }
            let copy = match private::take(ws, &file_path, &bounds) {
                Ok(Taken::Copy(copy)) => Ok(copy),
                Ok(Taken::Refused { reason, link_to }) => {
                    let submission = reason.refused().then_some((kata, language));
                    class.skipped.push(skip(reason, link_to, submission));
                    continue;
                }
                Err(e) => Err(format!("{e:#}")),
            };
            mine.push(Submission { learner: name.clone(), kata, language, path: file_path, copy });
        }
        mine.sort_by_key(|s| (katas.iter().position(|k| k.id == s.kata.id), s.language));
        class.submissions.extend(mine);
        class.learners.push(name);
    }
    Ok(class)
}

/// The entries of a folder whose names do not start with a dot, sorted.
fn visible_entries(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            entries.push((name, entry.path()));
        }
    }
    entries.sort();
    Ok(entries)
}

/// The kata and language a file name is a submission for: `<kata-id>.rs`,
/// or `<kata-id>.py` for a kata with a Python form.
fn kata_named<'a>(file: &str, katas: &'a [Kata]) -> Option<(&'a Kata, Language)> {
    let (stem, ext) = file.rsplit_once('.')?;
    let language = Language::ALL.into_iter().find(|l| l.extension() == ext)?;
    katas.iter().find(|k| k.id == stem && k.speaks(language)).map(|k| (k, language))
}

const NO_CLASS_DIR: &str = "the class folder {dir} does not exist (or is not a folder): \
dekata grade expects a folder holding one subfolder per learner, each with <kata>.rs or <kata>.py files";
