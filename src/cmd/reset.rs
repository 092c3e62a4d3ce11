//! `dekata reset`: restores a kata's starter. The learner's current file is
//! first saved as `solutions/.backups/<kata>-<YYYYMMDD-HHMMSS>.rs` (or
//! `.py`; UTC, never overwriting an earlier backup), so nothing they wrote
//! is lost.

use crate::catalog::{self, Kata};
use crate::language::Language;
use crate::settings;
use crate::solution_files;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use colored::Colorize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The kata id
    pub kata: String,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

/// What a reset did.
enum Outcome {
    /// There was no file: it was created from the starter.
    Created,
    /// The file already was the starter: nothing was written.
    AlreadyStarter,
    /// The file was saved here, then replaced by the starter.
    BackedUp(PathBuf),
}

/// Saves the learner's file for `kata` in `language` as a timestamped
/// backup (returned, if one was made) and restores the starter.
pub fn reset(ws: &Workspace, kata: &Kata, language: Language) -> Result<Option<PathBuf>> {
    Ok(match restore(ws, kata, language)? {
        Outcome::BackedUp(backup) => Some(backup),
        Outcome::Created | Outcome::AlreadyStarter => None,
    })
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let kata = catalog::find(&katas, &args.kata)?;
    let language = settings::language(ws, args.lang.chosen)?;
    let file = ws.display(&solution_files::path(ws, kata, language));
    match restore(ws, kata, language)? {
        Outcome::Created => println!("{}", CREATED.replace("{file}", &file)),
        Outcome::AlreadyStarter => println!("{}", UNCHANGED.replace("{file}", &file)),
        Outcome::BackedUp(backup) => {
            let backup = ws.display(&backup);
            println!("{}", RESTORED.replace("{file}", &file).replace("{backup}", &backup));
            println!("{}", GET_IT_BACK.dimmed());
            println!("    cp {backup} {file}");
        }
    }
    Ok(true)
}

fn restore(ws: &Workspace, kata: &Kata, language: Language) -> Result<Outcome> {
    let file = solution_files::path(ws, kata, language);
    let Some(current) = read_if_exists(&file)? else {
        solution_files::ensure(ws, kata, language)?;
        return Ok(Outcome::Created);
    };
    let starter_path = kata.starter(language);
    let starter = std::fs::read(&starter_path).with_context(|| format!("cannot read {}", starter_path.display()))?;
    if current == starter {
        solution_files::refresh_or_warn(ws);
        return Ok(Outcome::AlreadyStarter);
    }
    let backup = back_up_until_stable(ws, kata, language, &file, current, &starter)?;
    replace_keeping_mode(&file, &starter)?;
    solution_files::refresh_or_warn(ws);
    Ok(Outcome::BackedUp(backup))
}

/// Backs up `current`; if the file changed meanwhile (an editor saving),
/// backs up the newer text too, so that whatever the starter replaces is
/// saved. Returns the last backup.
fn back_up_until_stable(
    ws: &Workspace,
    kata: &Kata,
    language: Language,
    file: &Path,
    mut current: Vec<u8>,
    starter: &[u8],
) -> Result<PathBuf> {
    for _ in 0..MAX_ROUNDS {
        let backup = back_up(ws, kata, language, &current)?;
        match read_if_exists(file)? {
            Some(now) if now != current && now != starter => current = now,
            _ => return Ok(backup),
        }
    }
    bail!(KEEPS_CHANGING.replace("{file}", &ws.display(file)))
}

/// Writes `bytes` to a new backup file, never replacing an existing one:
/// a second backup in the same second gets a `-2` suffix, and so on.
fn back_up(ws: &Workspace, kata: &Kata, language: Language, bytes: &[u8]) -> Result<PathBuf> {
    let dir = backups_dir(ws);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let stamp = utc_stamp(crate::progress::now());
    let ext = language.extension();
    for n in 1..=MAX_SUFFIX {
        let name = match n {
            1 => format!("{}-{stamp}.{ext}", kata.id),
            n => format!("{}-{stamp}-{n}.{ext}", kata.id),
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return write_backup(f, &path, &dir, bytes).map(|()| path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
        }
    }
    bail!("{}: more than {MAX_SUFFIX} backups of {} in one second", dir.display(), kata.id)
}

/// Writes and syncs the backup (and its folder) before the original is
/// touched; a backup that could not be written whole is removed.
fn write_backup(mut f: std::fs::File, path: &Path, dir: &Path, bytes: &[u8]) -> Result<()> {
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = written {
        let _ = std::fs::remove_file(path);
        return Err(e).with_context(|| format!("cannot write the backup {}", path.display()));
    }
    std::fs::File::open(dir).and_then(|d| d.sync_all()).with_context(|| format!("cannot sync {}", dir.display()))
}

/// Replaces `file` atomically, keeping its permissions (the temporary file
/// an atomic write renames into place is private to its owner).
fn replace_keeping_mode(file: &Path, bytes: &[u8]) -> Result<()> {
    let mode = std::fs::metadata(file).with_context(|| format!("cannot stat {}", file.display()))?.permissions();
    crate::atomic::write(file, bytes)?;
    std::fs::set_permissions(file, mode).with_context(|| format!("cannot set the permissions of {}", file.display()))
}

fn backups_dir(ws: &Workspace) -> PathBuf {
    ws.solutions().join(".backups")
}

fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Unix seconds as `YYYYMMDD-HHMMSS` in UTC.
fn utc_stamp(secs: u64) -> String {
    let at = i64::try_from(secs).ok().and_then(|s| jiff::Timestamp::from_second(s).ok()).unwrap_or_default();
    at.strftime("%Y%m%d-%H%M%S").to_string()
}

const MAX_ROUNDS: usize = 10;
const MAX_SUFFIX: u32 = 10_000;

const CREATED: &str = "{file} did not exist: created it from the kata's starter. Nothing to back up.";
const UNCHANGED: &str = "{file} is already the kata's starter: nothing to back up, nothing changed.";
const RESTORED: &str = "Saved your {file} as {backup} and restored the kata's starter.";
const GET_IT_BACK: &str = "To get your version back:";
const KEEPS_CHANGING: &str = "{file} kept changing while it was being backed up, so it was left as it is \
(every version seen is in solutions/.backups/). Close the editor's auto-save and reset again.";

#[cfg(test)]
mod tests {
    use super::utc_stamp;

    #[test]
    fn stamps_are_utc_calendar_times() {
        assert_eq!(utc_stamp(0), "19700101-000000");
        assert_eq!(utc_stamp(951_782_400), "20000229-000000");
        assert_eq!(utc_stamp(1_767_225_599), "20251231-235959");
        assert_eq!(utc_stamp(1_772_323_200), "20260301-000000");
    }
}
