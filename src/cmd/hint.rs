//! `dekata hint`: a kata's hints, one more each time, in order. How many
//! have been shown is remembered in the progress file.

use crate::catalog::{self, Kata};
use crate::language::Language;
use crate::progress;
use crate::render;
use crate::settings;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;

#[derive(clap::Args)]
pub struct Args {
    /// The kata id
    pub kata: String,
    #[command(flatten)]
    pub lang: crate::cmd::shared::Lang,
}

/// What one call revealed.
struct Revealed {
    /// Every hint shown so far, in order.
    shown: Vec<String>,
    /// Whether this call showed one more (false once all were shown).
    new: bool,
}

/// Reveals one more hint of `kata` in `language` (remembered in the
/// progress file) and returns every hint revealed so far, in order.
pub fn reveal_next(ws: &Workspace, kata: &Kata, language: Language) -> Result<Vec<String>> {
    Ok(reveal(ws, kata, language)?.shown)
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let kata = catalog::find(&katas, &args.kata)?;
    let language = settings::language(ws, args.lang.chosen)?;
    let hints = kata.hints_in(language);
    if hints.is_empty() {
        println!("{}", NO_HINTS.replace("{kata}", &kata.id));
        return Ok(true);
    }
    let revealed = reveal(ws, kata, language)?;
    print_hints(kata, hints.len(), &revealed.shown);
    println!("{}", footer(kata, hints.len(), &revealed).dimmed());
    Ok(true)
}

fn reveal(ws: &Workspace, kata: &Kata, language: Language) -> Result<Revealed> {
    let hints = kata.hints_in(language);
    let mut p = progress::load(ws)?;
    let before = p.of(language).get(&kata.id).map_or(0, |k| k.hints_shown).min(hints.len());
    let now = (before + 1).min(hints.len());
    if now != before {
        p.version = 1;
        p.of_mut(language).entry(kata.id.clone()).or_default().hints_shown = now;
        progress::save(ws, &p)?;
    }
    Ok(Revealed { shown: hints[..now].to_vec(), new: now != before })
}

fn print_hints(kata: &Kata, total: usize, shown: &[String]) {
    println!("{} {} {}", kata.id.bold(), "\u{00b7}".dimmed(), kata.title);
    for (i, hint) in shown.iter().enumerate() {
        println!();
        println!("{}", format!("Hint {} of {}", i + 1, total).bold());
        for line in render::wrap(hint, 76) {
            println!("  {line}");
        }
    }
    println!();
}

fn footer(kata: &Kata, total: usize, revealed: &Revealed) -> String {
    let left = total - revealed.shown.len();
    let text = match (left, revealed.new) {
        (0, true) => LAST_HINT,
        (0, false) => NO_MORE,
        (1, _) => ONE_MORE,
        _ => MORE,
    };
    text.replace("{kata}", &kata.id).replace("{left}", &left.to_string()).replace("{total}", &total.to_string())
}

const NO_HINTS: &str = "{kata} has no hints. Read the prompt again with `dekata show {kata}`.";
const MORE: &str = "{left} more hints: run `dekata hint {kata}` again for the next one.";
const ONE_MORE: &str = "1 more hint: run `dekata hint {kata}` again for it.";
const LAST_HINT: &str = "That was the last hint of {kata}: all {total} are shown above.";
const NO_MORE: &str = "No more hints: all {total} hints of {kata} are shown above.";
