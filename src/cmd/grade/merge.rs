//! `grade merge PART...`: the `--json` reports of a class graded in shares
//! (`grade --shard I/N --seed S --json`), joined into the table, JSON and
//! JUnit report the whole class graded at once gives. Every share must be
//! there, once, graded with the same seed from the same class folder.

use super::class::{Class, Submission};
use super::shard::Shard;
use super::skip::{Reason, Skip};
use super::{Graded, Outcome};
use crate::catalog::{self, Kata};
use crate::error::BadRequest;
use crate::language::Language;
use crate::report::Report;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The shares' reports, each written by `dekata grade DIR --shard I/N --seed S --json`
    #[arg(required = true, value_name = "PART")]
    pub parts: Vec<PathBuf>,
    /// Write JUnit XML here
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    #[command(flatten)]
    pub json: crate::cmd::shared::Json,
}

/// What merge reads of a share's report.
#[derive(Deserialize)]
struct Part {
    seed: u64,
    class: PathBuf,
    learners: Vec<String>,
    #[serde(default)]
    katas_asked: Vec<String>,
    shard: Option<Shard>,
    submissions: Vec<PartSubmission>,
    skipped_reasons: Vec<PartSkip>,
}

#[derive(Deserialize)]
struct PartSubmission {
    learner: String,
    kata: String,
    language: Language,
    report: Option<Report>,
    error: Option<String>,
}

#[derive(Deserialize)]
struct PartSkip {
    path: String,
    reason: Reason,
    learner: String,
    kata: Option<String>,
    language: Option<Language>,
    link_to: Option<PathBuf>,
}

pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let katas = catalog::load_all(&ws.katas())?;
    let mut parts = Vec::new();
    for path in &args.parts {
        let text = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let part: Part = serde_json::from_slice(&text).map_err(|e| {
            BadRequest::new(NOT_A_PART.replace("{part}", &path.display().to_string()) + &format!(" ({e})"))
        })?;
        let Some(shard) = part.shard else {
            return Err(BadRequest::new(WHOLE_CLASS.replace("{part}", &path.display().to_string())).into());
        };
        parts.push((path, shard, part));
    }
    check_shares(&parts)?;
    parts.sort_by_key(|(_, shard, _)| shard.index);
    let first = &parts[0].2;
    let kata = |id: &str| catalog::find(&katas, id);
    let chosen: Vec<&Kata> = if first.katas_asked.is_empty() {
        katas.iter().collect()
    } else {
        first.katas_asked.iter().map(|id| kata(id)).collect::<Result<_>>()?
    };
    let mut learners = BTreeSet::new();
    let mut graded: Vec<(Submission<'_>, Outcome)> = Vec::new();
    for (_, _, part) in &parts {
        learners.extend(part.learners.iter().cloned());
        for s in &part.submissions {
            let k = kata(&s.kata)?;
            let path = first.class.join(&s.learner).join(format!("{}.{}", s.kata, s.language.extension()));
            let outcome = match (&s.report, &s.error) {
                (Some(report), _) => Ok(report.clone()),
                (None, error) => Err(error.clone().unwrap_or_default()),
            };
            let submission = Submission {
                learner: s.learner.clone(),
                kata: k,
                language: s.language,
                path,
                copy: Ok(PathBuf::new()),
            };
            graded.push((submission, outcome));
        }
    }
    // The class's own order: by learner, then in catalogue order.
    graded.sort_by_key(|(s, _)| (s.learner.clone(), katas.iter().position(|k| k.id == s.kata.id), s.language));
    // Every share lists the whole class folder's skipped entries.
    let skipped = first
        .skipped_reasons
        .iter()
        .map(|s| {
            let submission = match (&s.kata, s.language) {
                (Some(id), Some(language)) => Some((kata(id)?, language)),
                _ => None,
            };
            Ok(Skip {
                path: s.path.clone(),
                reason: s.reason,
                link_to: s.link_to.clone(),
                learner: s.learner.clone(),
                submission,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let (submissions, outcomes): (Vec<_>, Vec<_>) = graded.into_iter().unzip();
    let class = Class { learners: learners.into_iter().collect(), submissions, skipped };
    let whole = Graded {
        dir: first.class.clone(),
        class,
        outcomes,
        seed: first.seed,
        chosen,
        asked: !first.katas_asked.is_empty(),
        shard: None,
    };
    whole.report(args.json.on, args.junit.as_deref())
}

/// Every share of one grading, each once: same seed, same class folder,
/// same count, the indices 1 to N.
fn check_shares(parts: &[(&PathBuf, Shard, Part)]) -> Result<()> {
    let (first_path, first, part) = &parts[0];
    let named = |p: &PathBuf| p.display().to_string();
    for (path, shard, other) in &parts[1..] {
        let differs = if other.seed != part.seed {
            Some(format!("seed {} where {} has seed {}", other.seed, named(first_path), part.seed))
        } else if other.class != part.class {
            Some(format!(
                "the class {} where {} has {}",
                other.class.display(),
                named(first_path),
                part.class.display()
            ))
        } else if shard.count != first.count {
            Some(format!("shares of {} where {} has shares of {}", shard.count, named(first_path), first.count))
        } else if other.katas_asked != part.katas_asked {
            Some(format!("other katas asked for than {}", named(first_path)))
        } else {
            None
        };
        if let Some(differs) = differs {
            return Err(BadRequest::new(
                NOT_ONE_GRADING.replace("{part}", &named(path)).replace("{differs}", &differs),
            )
            .into());
        }
    }
    let mut seen = BTreeSet::new();
    for (path, shard, _) in parts {
        if !seen.insert(shard.index) {
            return Err(BadRequest::new(
                TWICE.replace("{index}", &shard.index.to_string()).replace("{count}", &first.count.to_string())
                    + &format!(" ({} is one)", named(path)),
            )
            .into());
        }
    }
    let missing: Vec<String> = (1..=first.count).filter(|i| !seen.contains(i)).map(|i| i.to_string()).collect();
    if !missing.is_empty() {
        let template = if missing.len() == 1 { MISSING_ONE } else { MISSING };
        return Err(BadRequest::new(
            template.replace("{missing}", &missing.join(", ")).replace("{count}", &first.count.to_string()),
        )
        .into());
    }
    Ok(())
}

const NOT_A_PART: &str = "{part} is not the --json report of `dekata grade --shard`";
const WHOLE_CLASS: &str = "{part} is the report of a whole class, not of one share: grade each share with \
`dekata grade DIR --shard I/N --seed S --json > part-I.json`";
const NOT_ONE_GRADING: &str = "{part} is a share of another grading: {differs}";
const TWICE: &str = "share {index} of {count} is given twice";
const MISSING_ONE: &str = "share {missing} of {count} is missing: merge needs every share of the class";
const MISSING: &str = "shares {missing} of {count} are missing: merge needs every share of the class";
