//! Reading `kata.toml` and `pattern.toml` files into katas: the files'
//! schema, their checks, and errors that name the file, line and column.

use super::kind;
use super::rules;
use super::{
    Case, Difficulty, Kata, Limits, MemoryCheck, PlanRules, PythonCase, PythonForm, Question, Shape, TableRows,
};
use crate::concern::Concern;
use crate::error::BadRequest;
use anyhow::{Context, Result};
use harness::jobs::JobSpec;
use harness::protocol::CompareSpec;
use harness::streams::{Family, StreamParams};
use harness::tables::Dataset;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KataFile {
    id: String,
    pattern: String,
    title: String,
    #[serde(default)]
    difficulty: Difficulty,
    /// The week of the study plan (`katas/plan.toml`) the kata belongs to.
    week: Option<u8>,
    shape: Shape,
    entry: String,
    #[serde(default)]
    args: Vec<String>,
    prompt: String,
    #[serde(default)]
    hints: Vec<String>,
    #[serde(default)]
    compare: CompareSpec,
    #[serde(default)]
    limits: Limits,
    #[serde(default)]
    stream: toml::Table,
    dataset: Option<Dataset>,
    plan: Option<PlanRules>,
    table: Option<TableRows>,
    /// Session katas: the inactivity gap the rule uses, so that a failure
    /// at exactly that gap quotes the boundary question.
    gap_seconds: Option<i64>,
    /// The fields whose ties the rule breaks (`ingested_at` for a dedup),
    /// so that a failure on tied records quotes the question about ties.
    #[serde(default)]
    tie_fields: Vec<String>,
    #[serde(default)]
    python: PythonForm,
    /// DataFrame katas in PySpark: session settings the kata relies on
    /// (`"spark.sql.adaptive.enabled" = false`), beside the graded ones.
    #[serde(default)]
    spark: toml::Table,
    #[serde(default)]
    cases: Vec<CaseFile>,
    /// The prompt's rules, each with its question and the mutants that break it.
    #[serde(default)]
    rules: Vec<rules::PromptRule>,
    /// How the kata opens as a mock interview.
    interview: Option<super::interview::Interview>,
    /// The katas the interviewer asks next, in order.
    #[serde(default)]
    follow_ups: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    name: String,
    families: Vec<Family>,
    events: u64,
    question: Option<String>,
    /// The concern of the case's own `question`, for the drill's scorecard.
    concern: Option<Concern>,
    why: Option<String>,
    #[serde(default)]
    stream: toml::Table,
    memory: Option<MemoryCheck>,
    job: Option<JobSpec>,
    /// The entry function's arguments for this case (default: the kata's).
    args: Option<Vec<String>>,
    #[serde(default)]
    python: PythonCase,
}

/// A pattern folder's `pattern.toml`: what the pattern is called.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    title: String,
}

/// The title of the pattern whose folder is `folder`: its `pattern.toml`'s,
/// else the pattern id in words (a folder an instructor made without one).
fn pattern_title_in(folder: &Path, pattern: &str) -> Result<String> {
    let path = folder.join("pattern.toml");
    if !path.is_file() {
        return Ok(pattern.replace('-', " "));
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: PatternFile = toml::from_str(&text).map_err(|e| malformed(&path, &text, &e))?;
    Ok(file.title)
}

/// All katas under `katas_dir`, in folder order.
pub fn load_all(katas_dir: &Path) -> Result<Vec<Kata>> {
    if !katas_dir.is_dir() {
        return Err(BadRequest::new(format!("the kata folder {} does not exist", katas_dir.display())).into());
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(katas_dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list {}", katas_dir.display()))?;
        if entry.file_type().is_file() && entry.file_name() == "kata.toml" {
            paths.push(entry.into_path());
        }
    }
    let plan = super::plan::load(katas_dir)?;
    let mut katas = Vec::new();
    let mut ids = HashSet::new();
    for path in paths {
        let kata = load(&path)?;
        if !ids.insert(kata.id.clone()) {
            return Err(BadRequest::new(format!("{}: the kata id `{}` is used twice", path.display(), kata.id)).into());
        }
        let mut kata = kata;
        if plan.weeks.is_empty() {
            // A folder without a plan (katas copied out of the catalogue)
            // has no weeks to place them in.
            kata.week = None;
        } else if let Some(week) = kata.week
            && plan.week(week).is_none()
        {
            return Err(BadRequest::new(format!(
                "{}: week {week} is not a week of {} (its weeks: {})",
                path.display(),
                katas_dir.join(super::plan::FILE).display(),
                plan.numbers()
            ))
            .into());
        }
        katas.push(kata);
    }
    // Pattern folders in order (01-, 02-, ...), then warm-ups first.
    katas.sort_by(|a, b| (a.dir.parent(), a.difficulty, &a.id).cmp(&(b.dir.parent(), b.difficulty, &b.id)));
    Ok(katas)
}

/// One kata from its `kata.toml`.
pub fn load(path: &Path) -> Result<Kata> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: KataFile = toml::from_str(&text).map_err(|e| malformed(path, &text, &e))?;
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let bad = |what: String| -> anyhow::Error { BadRequest::new(format!("{}: {what}", path.display())).into() };

    if !is_identifier(&file.id) {
        return Err(bad(format!("the id `{}` must be a snake_case Rust identifier", file.id)));
    }
    if RESERVED_IDS.contains(&file.id.as_str()) {
        return Err(bad(format!("the id `{}` is reserved (solutions/{}.rs is dekata's own file)", file.id, file.id)));
    }
    if dir.file_name().and_then(|n| n.to_str()) != Some(file.id.as_str()) {
        return Err(bad(format!("the id `{}` must match its folder name", file.id)));
    }
    if !is_identifier(&file.entry) {
        return Err(bad(format!("the entry `{}` must be a Rust function name", file.entry)));
    }
    if file.cases.is_empty() {
        return Err(bad("a kata needs at least one [[cases]] entry".into()));
    }
    let mut spark = BTreeMap::new();
    for (key, value) in file.spark {
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Boolean(b) => b.to_string(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            _ => return Err(bad(format!("[spark] `{key}`: a setting is a string, a number or a boolean"))),
        };
        if !key.starts_with("spark.") {
            return Err(bad(format!("[spark] `{key}`: Spark's settings start with `spark.`")));
        }
        spark.insert(key, text);
    }
    let kind = kind::of(file.shape, file.dataset, file.plan, spark, file.table).map_err(bad)?;
    for needed in ["starter.rs", "reference.rs"] {
        if !dir.join(needed).is_file() {
            return Err(bad(format!("{needed} is missing beside it")));
        }
    }
    if let Some(problem) = file.interview.as_ref().and_then(|i| i.problem(&file.rules)) {
        return Err(bad(problem));
    }
    if let Some(problem) = rules::problem(&file.rules) {
        return Err(bad(problem));
    }
    // The DataFusion glue writes a DataFrame kata's arguments as Rust;
    // every other worker is given them as JSON.
    let arg_values = match json_args(&file.args) {
        Ok(values) => Some(values),
        Err(_) if file.shape == Shape::DataFrames => None,
        Err(a) => {
            return Err(bad(format!("the argument `{a}` is not a JSON value (a number, a string in quotes, ...)")));
        }
    };
    let mut names = HashSet::new();
    let mut cases = Vec::new();
    for c in file.cases {
        if !names.insert(c.name.clone()) {
            return Err(bad(format!("the case name `{}` is used twice", c.name)));
        }
        let mut merged = file.stream.clone();
        merged.extend(c.stream);
        let params: StreamParams = toml::Value::Table(merged)
            .try_into()
            .map_err(|e: toml::de::Error| bad(format!("case `{}`: stream parameters: {}", c.name, e.message())))?;
        if c.families.is_empty() {
            return Err(bad(format!("case `{}`: list at least one family", c.name)));
        }
        if c.concern.is_some() && c.question.is_none() {
            return Err(bad(format!("case `{}`: a `concern` is that of the case's own `question`: write it", c.name)));
        }
        if (file.shape == Shape::EventsToTable) != c.job.is_some() {
            let need = if file.shape == Shape::EventsToTable { "needs" } else { "cannot have" };
            return Err(bad(format!("case `{}`: a kata of shape {} {need} a `job`", c.name, file.shape.name())));
        }
        if c.memory.as_ref().is_some_and(|m| m.scale < 2) {
            return Err(bad(format!("case `{}`: memory.scale must be 2 or more", c.name)));
        }
        if c.args.as_ref().is_some_and(|a| a.len() != file.args.len()) {
            return Err(bad(format!(
                "case `{}`: `args` gives {} arguments where the kata's entry takes {}",
                c.name,
                c.args.as_ref().map_or(0, Vec::len),
                file.args.len()
            )));
        }
        if c.args.is_some() && file.shape == Shape::DataFrames {
            return Err(bad(format!("case `{}`: a DataFrame kata's cases take the kata's `args`", c.name)));
        }
        let args = match (&c.args, &arg_values) {
            (Some(own), _) => json_args(own).map_err(|a| {
                bad(format!(
                    "case `{}`: the argument `{a}` is not a JSON value (a number, a string in quotes, ...)",
                    c.name
                ))
            })?,
            (None, Some(usual)) => usual.clone(),
            (None, None) => Vec::new(),
        };
        if (params.partitions > 0) != (file.shape == Shape::StreamsToIter) || params.partitions > MAX_PARTITIONS {
            return Err(bad(format!("case `{}`: {PARTITIONS_PARAM}", c.name)));
        }
        if file.shape == Shape::PassesToIter && crate::shapes::passes_to_iter::budget(&args).is_none() {
            return Err(bad(format!("case `{}`: {PASS_BUDGET_ARG}", c.name)));
        }
        cases.push(Case {
            args,
            question: Question::of_case(c.question, c.concern, &c.families),
            name: c.name,
            families: c.families,
            events: c.events,
            why: c.why,
            params,
            memory: c.memory,
            job: c.job,
            python: c.python,
        });
    }
    let pattern_title = pattern_title_in(dir.parent().unwrap_or(Path::new(".")), &file.pattern)?;
    Ok(Kata {
        id: file.id,
        pattern: file.pattern,
        pattern_title,
        title: file.title,
        difficulty: file.difficulty,
        week: file.week,
        kind,
        entry: file.entry,
        args: file.args,
        arg_values,
        prompt: file.prompt,
        hints: file.hints,
        compare: file.compare,
        limits: file.limits,
        cases,
        dir,
        gap_seconds: file.gap_seconds,
        tie_fields: file.tie_fields,
        python: file.python,
        rules: file.rules,
        interview: file.interview,
        follow_ups: file.follow_ups,
    })
}

/// Ids whose solution file would collide with dekata's files in solutions/.
const RESERVED_IDS: [&str; 2] = ["lib", "main"];

pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A TOML error as `path:line:column: message`, with the offending line.
pub(super) fn malformed(path: &Path, text: &str, e: &toml::de::Error) -> anyhow::Error {
    let (line, col, source_line) = match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let col = before[line_start..].chars().count() + 1;
            let source_line = text[line_start..].lines().next().unwrap_or("").to_string();
            (line, col, source_line)
        }
        None => (1, 1, String::new()),
    };
    let caret = format!("{}^", " ".repeat(col.saturating_sub(1)));
    BadRequest::new(format!(
        "{}:{line}:{col}: malformed kata file: {}\n  {line:>4} | {source_line}\n       | {caret}",
        path.display(),
        e.message().trim_end()
    ))
    .into()
}

/// Arguments written in kata.toml as JSON values, or the first that is not.
/// The most sorted streams a merge kata's input is split into.
const MAX_PARTITIONS: u64 = 256;

const PARTITIONS_PARAM: &str = "the stream parameter `partitions` (the sorted streams a merge kata's input is split \
into) is for katas of shape streams_to_iter, and every one of them sets it: a whole number from 1 to 256";

const PASS_BUDGET_ARG: &str = "a kata of shape passes_to_iter takes the budget of passes as its first argument: \
a whole number from 1 to 64 (`args = [\"4\"]`)";

fn json_args(args: &[String]) -> std::result::Result<Vec<serde_json::Value>, String> {
    args.iter().map(|a| serde_json::from_str(a).map_err(|_| a.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_toml_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let kata = dir.path().join("demo");
        std::fs::create_dir_all(&kata).unwrap();
        let path = kata.join("kata.toml");
        std::fs::write(&path, "id = \"demo\"\npattern = \"x\"\ntitle = 5 5\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("kata.toml:3:"), "{err}");
        assert!(err.contains("title = 5 5"), "{err}");
    }

    #[test]
    fn a_kata_week_must_be_a_week_of_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let kata = dir.path().join("p").join("demo");
        std::fs::create_dir_all(&kata).unwrap();
        for file in ["starter.rs", "reference.rs"] {
            std::fs::write(kata.join(file), "").unwrap();
        }
        std::fs::write(
            kata.join("kata.toml"),
            "id = \"demo\"\npattern = \"x\"\ntitle = \"t\"\nweek = 7\nshape = \"events_to_map\"\nentry = \"f\"\n\
             prompt = \"p\"\n[[cases]]\nname = \"a\"\nfamilies = [\"clean\"]\nevents = 3\n",
        )
        .unwrap();
        assert_eq!(load_all(dir.path()).unwrap()[0].week, None, "no plan, no weeks");
        std::fs::write(dir.path().join("plan.toml"), "[[weeks]]\nweek = 2\ntitle = \"t\"\nfocus = \"f\"\n").unwrap();
        let err = load_all(dir.path()).unwrap_err().to_string();
        assert!(err.contains("week 7 is not a week of") && err.contains("(its weeks: 2)"), "{err}");
        std::fs::write(dir.path().join("plan.toml"), "[[weeks]]\nweek = 7\ntitle = \"t\"\nfocus = \"f\"\n").unwrap();
        assert_eq!(load_all(dir.path()).unwrap()[0].week, Some(7));
    }

    #[test]
    fn a_pattern_is_titled_by_its_folder_or_in_words() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(pattern_title_in(dir.path(), "late-data").unwrap(), "late data");
        std::fs::write(dir.path().join("pattern.toml"), "title = \"Late data, handled\"\n").unwrap();
        assert_eq!(pattern_title_in(dir.path(), "late-data").unwrap(), "Late data, handled");
        std::fs::write(dir.path().join("pattern.toml"), "# about\ntitle = Late\n").unwrap();
        let err = pattern_title_in(dir.path(), "late-data").unwrap_err().to_string();
        assert!(err.contains("pattern.toml:2:"), "{err}");
    }

    #[test]
    fn unknown_family_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let kata = dir.path().join("demo");
        std::fs::create_dir_all(&kata).unwrap();
        let path = kata.join("kata.toml");
        std::fs::write(
            &path,
            "id = \"demo\"\npattern = \"x\"\ntitle = \"t\"\nshape = \"events_to_map\"\nentry = \"f\"\nprompt = \"p\"\n\
             [[cases]]\nname = \"a\"\nfamilies = [\"weird\"]\nevents = 3\n",
        )
        .unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("kata.toml:9:"), "{err}");
        assert!(err.contains("weird"), "{err}");
    }

    #[test]
    fn a_cases_concern_needs_its_own_question() {
        let dir = tempfile::tempdir().unwrap();
        let kata = dir.path().join("demo");
        std::fs::create_dir_all(&kata).unwrap();
        for file in ["starter.rs", "reference.rs"] {
            std::fs::write(kata.join(file), "").unwrap();
        }
        let path = kata.join("kata.toml");
        let head = "id = \"demo\"\npattern = \"x\"\ntitle = \"t\"\nshape = \"events_to_map\"\nentry = \"f\"\n\
                    prompt = \"p\"\n[[cases]]\nname = \"a\"\nfamilies = [\"retries\"]\nevents = 3\n";
        std::fs::write(&path, format!("{head}concern = \"retries\"\n")).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("case `a`: a `concern` is that of the case's own `question`"), "{err}");
        std::fs::write(&path, format!("{head}concern = \"retries\"\nquestion = \"Twice?\"\n")).unwrap();
        let kata = load(&path).unwrap();
        assert_eq!(
            kata.cases[0].question,
            Question { text: "Twice?".into(), concern: Some(Concern::Retries), general: false }
        );
    }
}
