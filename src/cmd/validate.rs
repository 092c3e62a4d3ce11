//! `dekata validate`: checks that katas are sound, with the same grading
//! code as `dekata check`. For each kata: the file is complete, the
//! reference passes every case on several seeds, the starter compiles and
//! reaches `todo!()`, every mutant gets exactly its declared verdict, and
//! every case either kills a mutant or says why it exists.

use crate::catalog::{self, Kata};
use crate::grade::{self, Quiet, Request};
use crate::mutants;
use crate::render;
use crate::report::{Overall, Report, Verdict};
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;
use std::collections::BTreeMap;
use std::path::Path;

/// Seeds the reference must pass on.
pub const SEEDS: [u64; 3] = [grade::DEFAULT_SEED, 1, 2];

pub fn run(ws: &Workspace, ids: &[String]) -> Result<bool> {
    let all = catalog::load_all(&ws.katas())?;
    let chosen: Vec<&Kata> = if ids.is_empty() {
        all.iter().collect()
    } else {
        ids.iter().map(|id| catalog::find(&all, id)).collect::<Result<_>>()?
    };
    let mut failed = 0;
    for kata in &chosen {
        if !validate(ws, kata)? {
            failed += 1;
        }
        println!();
    }
    let line = format!("{} of {} katas valid.", chosen.len() - failed, chosen.len());
    println!("{}", if failed == 0 { line.green().bold() } else { line.red().bold() });
    Ok(failed == 0)
}

fn ok(text: &str) {
    println!("  {} {text}", "\u{2713}".green());
}

fn bad(text: &str) {
    for (i, line) in render::wrap(text, 96).iter().enumerate() {
        if i == 0 {
            println!("  {} {line}", "\u{2717}".red());
        } else {
            println!("    {line}");
        }
    }
}

fn grade_file(ws: &Workspace, kata: &Kata, file: &Path, seed: u64) -> Result<Report> {
    grade::grade(&Request { ws, kata, solution: file, seed, color: false }, &mut Quiet)
}

fn validate(ws: &Workspace, kata: &Kata) -> Result<bool> {
    println!("{} {}", kata.id.bold(), format!("({})", ws.display(&kata.dir)).dimmed());
    let mut good = true;
    let mut fail = |text: String| {
        bad(&text);
        good = false;
    };

    if kata.prompt.trim().is_empty() {
        fail("the prompt is empty".into());
    }
    if kata.hints.iter().all(|h| h.trim().is_empty()) {
        fail("the kata has no hints".into());
    }
    if !kata.starter().is_file() || !kata.reference().is_file() {
        fail("starter.rs and reference.rs must both exist".into());
    }
    ok(&format!("kata.toml: {} cases, {} hints, prompt of {} words", kata.cases.len(), kata.hints.len(), kata.prompt.split_whitespace().count()));

    for seed in SEEDS {
        let r = grade_file(ws, kata, &kata.reference(), seed)?;
        match r.verdict {
            Overall::Pass => {}
            Overall::CompileError => fail(format!("the reference does not compile:\n{}", r.compile.stderr)),
            Overall::Fail => {
                for c in r.cases.iter().filter(|c| c.verdict != Verdict::Pass) {
                    fail(format!("the reference fails case `{}` with seed {seed}: {}: {}", c.name, c.verdict.name(), c.message));
                }
            }
        }
    }
    ok(&format!("reference checked on seeds {}", SEEDS.map(|s| s.to_string()).join(", ")));

    let starter = grade_file(ws, kata, &kata.starter(), grade::DEFAULT_SEED)?;
    if starter.verdict == Overall::CompileError {
        fail(format!("the starter does not compile:\n{}", starter.compile.stderr));
    } else if let Some(c) = starter.cases.iter().find(|c| c.verdict != Verdict::NotImplemented) {
        fail(format!("the starter gets {} on case `{}` instead of not_implemented", c.verdict.name(), c.name));
    } else {
        ok("starter compiles and reaches todo!() on every case");
    }

    let mutants = mutants::load(kata)?;
    if mutants.is_empty() {
        fail("no mutants: add known-wrong solutions under mutants/".into());
    }
    let mut kills: BTreeMap<&str, Vec<String>> = kata.cases.iter().map(|c| (c.name.as_str(), Vec::new())).collect();
    for m in &mutants {
        let r = grade_file(ws, kata, &m.path, grade::DEFAULT_SEED)?;
        if r.verdict == Overall::CompileError {
            fail(format!("mutant {} does not compile:\n{}", m.name, r.compile.stderr));
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
            ok(&format!("mutant {}: {} on {}", m.name, m.expect.name(), killers.join(", ")));
        } else if verdicts.is_empty() {
            fail(format!("mutant {} passes every case; it should get {} ({})", m.name, m.expect.name(), m.about));
        } else {
            let got: Vec<String> = r
                .cases
                .iter()
                .filter(|c| c.verdict != Verdict::Pass)
                .map(|c| format!("{} on {}", c.verdict.name(), c.name))
                .collect();
            fail(format!(
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
            fail(format!(
                "case `{}` kills no mutant and does not say why it exists: add a mutant it catches, or a `why`",
                case.name
            ));
        }
    }
    if good {
        println!("  {}", "valid".green().bold());
    }
    Ok(good)
}
