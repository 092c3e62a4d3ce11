//! `dekata hint`: a kata's hints, one more each time, in order. How many
//! have been shown is remembered in the progress file.

use crate::catalog::{self, Kata};
use crate::progress;
use crate::render;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;

/// What one call revealed.
struct Revealed {
    /// Every hint shown so far, in order.
    shown: Vec<String>,
    /// Whether this call showed one more (false once all were shown).
    new: bool,
}

/// Reveals one more hint of `kata` (remembered in the progress file) and
/// returns every hint revealed so far, in order.
pub fn reveal_next(ws: &Workspace, kata: &Kata) -> Result<Vec<String>> {
    Ok(reveal(ws, kata)?.shown)
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(ws: &Workspace, kata: &str) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let kata = catalog::find(&katas, kata)?;
    if kata.hints.is_empty() {
        println!("{}", NO_HINTS.replace("{kata}", &kata.id));
        return Ok(true);
    }
    let revealed = reveal(ws, kata)?;
    print_hints(kata, &revealed.shown);
    println!("{}", footer(kata, &revealed).dimmed());
    Ok(true)
}

fn reveal(ws: &Workspace, kata: &Kata) -> Result<Revealed> {
    let mut p = progress::load(ws)?;
    let before = p.katas.get(&kata.id).map_or(0, |k| k.hints_shown).min(kata.hints.len());
    let now = (before + 1).min(kata.hints.len());
    if now != before {
        p.version = 1;
        p.katas.entry(kata.id.clone()).or_default().hints_shown = now;
        progress::save(ws, &p)?;
    }
    Ok(Revealed { shown: kata.hints[..now].to_vec(), new: now != before })
}

fn print_hints(kata: &Kata, shown: &[String]) {
    println!("{} {} {}", kata.id.bold(), "\u{00b7}".dimmed(), kata.title);
    for (i, hint) in shown.iter().enumerate() {
        println!();
        println!("{}", format!("Hint {} of {}", i + 1, kata.hints.len()).bold());
        for line in render::wrap(hint, 76) {
            println!("  {line}");
        }
    }
    println!();
}

fn footer(kata: &Kata, revealed: &Revealed) -> String {
    let left = kata.hints.len() - revealed.shown.len();
    let text = match (left, revealed.new) {
        (0, true) => LAST_HINT,
        (0, false) => NO_MORE,
        (1, _) => ONE_MORE,
        _ => MORE,
    };
    text.replace("{kata}", &kata.id)
        .replace("{left}", &left.to_string())
        .replace("{total}", &kata.hints.len().to_string())
}

const NO_HINTS: &str = "{kata} has no hints. Read the prompt again with `dekata show {kata}`.";
const MORE: &str = "{left} more hints: run `dekata hint {kata}` again for the next one.";
const ONE_MORE: &str = "1 more hint: run `dekata hint {kata}` again for it.";
const LAST_HINT: &str = "That was the last hint of {kata}: all {total} are shown above.";
const NO_MORE: &str = "No more hints: all {total} hints of {kata} are shown above.";
