//! `dekata validate`: checks that katas are sound, with the same grading
//! code as `dekata check`. For each kata: the file is complete, the
//! reference passes every case on several seeds, the starter compiles and
//! reaches `todo!()`, every mutant gets exactly its declared verdict, and
//! every case either kills a mutant or says why it exists.

use crate::language::Language;
use crate::catalog::{self, Kata};
use crate::grading::{self, Quiet, Request};
use crate::mutants;
use crate::render;
use crate::report::{Overall, Report, Verdict};
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Seeds the reference must pass on.
pub const SEEDS: [u64; 3] = [grading::DEFAULT_SEED, 1, 2];

pub fn run(ws: &Workspace, ids: &[String], jobs: Option<usize>) -> Result<bool> {
    let all = catalog::load_all(&ws.katas())?;
    let chosen: Vec<&Kata> = if ids.is_empty() {
        all.iter().collect()
    } else {
        ids.iter().map(|id| catalog::find(&all, id)).collect::<Result<_>>()?
    };
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Result<Log>)>();
    let mut failed = 0;
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..jobs.min(chosen.len()) {
            let tx = tx.clone();
            let (next, chosen) = (&next, &chosen);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(kata) = chosen.get(i) else { break };
                    if tx.send((i, validate(ws, kata))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Print each kata's log in catalogue order, as soon as it is its turn.
        let mut done: BTreeMap<usize, Result<Log>> = BTreeMap::new();
        let mut shown = 0;
        for (i, log) in rx {
            done.insert(i, log);
            while let Some(log) = done.remove(&shown) {
                let log = log?;
                print!("{}", log.text);
                println!();
                if !log.good {
                    failed += 1;
                }
                shown += 1;
            }
        }
        Ok(())
    })?;
    let line = format!("{} of {} katas valid.", chosen.len() - failed, chosen.len());
    println!("{}", if failed == 0 { line.green().bold() } else { line.red().bold() });
    Ok(failed == 0)
}

/// What validating one kata found, kept until it is printed.
struct Log {
    text: String,
    good: bool,
}

impl Log {
    fn ok(&mut self, text: &str) {
        self.text.push_str(&format!("  {} {text}\n", "\u{2713}".green()));
    }

    fn bad(&mut self, text: &str) {
        self.good = false;
        for (i, line) in render::wrap(text, 96).iter().enumerate() {
            let mark = if i == 0 { format!("{} ", "\u{2717}".red()) } else { "  ".to_string() };
            self.text.push_str(&format!("  {mark}{line}\n"));
        }
    }
}

fn grade_file(ws: &Workspace, kata: &Kata, file: &Path, seed: u64) -> Result<Report> {
    grading::grade(&Request { ws, kata, solution: file, seed, color: false }, &mut Quiet)
}

fn validate(ws: &Workspace, kata: &Kata) -> Result<Log> {
    let mut log = Log { text: format!("{} {}\n", kata.id.bold(), format!("({})", ws.display(&kata.dir)).dimmed()), good: true };

    if kata.prompt.trim().is_empty() {
        log.bad("the prompt is empty");
    }
    if kata.hints.iter().all(|h| h.trim().is_empty()) {
        log.bad("the kata has no hints");
    }
    if !kata.starter(Language::Rust).is_file() || !kata.reference(Language::Rust).is_file() {
        log.bad("starter.rs and reference.rs must both exist");
    }
    log.ok(&format!("kata.toml: {} cases, {} hints, prompt of {} words", kata.cases.len(), kata.hints.len(), kata.prompt.split_whitespace().count()));

    for seed in SEEDS {
        let r = grade_file(ws, kata, &kata.reference(Language::Rust), seed)?;
        match r.verdict {
            Overall::Pass => {}
            Overall::CompileError => log.bad(&format!("the reference does not compile:\n{}", r.compile.stderr)),
            Overall::Fail => {
                for c in r.cases.iter().filter(|c| c.verdict != Verdict::Pass) {
                    log.bad(&format!("the reference fails case `{}` with seed {seed}: {}: {}", c.name, c.verdict.name(), c.message));
                }
            }
        }
    }
    log.ok(&format!("reference checked on seeds {}", SEEDS.map(|s| s.to_string()).join(", ")));

    let starter = grade_file(ws, kata, &kata.starter(Language::Rust), grading::DEFAULT_SEED)?;
    if starter.verdict == Overall::CompileError {
        log.bad(&format!("the starter does not compile:\n{}", starter.compile.stderr));
    } else if let Some(c) = starter.cases.iter().find(|c| c.verdict != Verdict::NotImplemented) {
        log.bad(&format!("the starter gets {} on case `{}` instead of not_implemented", c.verdict.name(), c.name));
    } else {
        log.ok("starter compiles and reaches todo!() on every case");
    }

    let mutants = mutants::load(kata, Language::Rust)?;
    if mutants.is_empty() {
        log.bad("no mutants: add known-wrong solutions under mutants/");
    }
    let mut kills: BTreeMap<&str, Vec<String>> = kata.cases.iter().map(|c| (c.name.as_str(), Vec::new())).collect();
    for m in &mutants {
        let r = grade_file(ws, kata, &m.path, grading::DEFAULT_SEED)?;
        if r.verdict == Overall::CompileError {
            log.bad(&format!("mutant {} does not compile:\n{}", m.name, r.compile.stderr));
            continue;
        }
        let verdicts = r.failing_verdicts();
        let killers: Vec<&str> =
            r.cases.iter().filter(|c| c.verdict != Verdict::Pass).map(|c| c.name.as_str()).collect();
        for c in &killers {
            if let Some(list) = kills.get_mut(*c) {
                list.push(m.name.clone());
            }
        }
        if verdicts == [m.expect] {
            log.ok(&format!("mutant {}: {} on {}", m.name, m.expect.name(), killers.join(", ")));
        } else if verdicts.is_empty() {
            log.bad(&format!("mutant {} passes every case; it should get {} ({})", m.name, m.expect.name(), m.about));
        } else {
            let got: Vec<String> = r
                .cases
                .iter()
                .filter(|c| c.verdict != Verdict::Pass)
                .map(|c| format!("{} on {}", c.verdict.name(), c.name))
                .collect();
            log.bad(&format!(
                "mutant {} should get only {}, got {} ({})",
                m.name,
                m.expect.name(),
                got.join("; "),
                m.about
            ));
        }
    }

    for case in &kata.cases {
        let killed = &kills[case.name.as_str()];
        if killed.is_empty() && case.why.is_none() {
            log.bad(&format!(
                "case `{}` kills no mutant and does not say why it exists: add a mutant it catches, or a `why`",
                case.name
            ));
        }
    }
    if log.good {
        log.text.push_str(&format!("  {}\n", "valid".green().bold()));
    }
    Ok(log)
}
