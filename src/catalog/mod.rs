//! The kata catalogue: `katas/**/kata.toml` files, loaded into typed katas.
//!
//! The file format is documented in `katas/README.md`. A malformed file is a
//! bad request (exit 2) reported with its path, line and column.

mod kind;
pub mod rules;
pub use crate::shapes::Shape;
pub use kind::Kind;
mod unit;

pub use unit::Unit;

use crate::concern::{self, Concern};
use crate::error::BadRequest;
use crate::language::Language;
use anyhow::{Context, Result};
use grader::jobs::JobSpec;
use grader::protocol::CompareSpec;
use grader::questions;
use grader::streams::{Family, RecordKind, StreamParams};
use grader::tables::Dataset;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    WarmUp,
    #[default]
    Core,
    Stretch,
}

/// Time and memory limits, relative to the reference's measurements.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// A case may take `time_factor` times the reference's time...
    pub time_factor: f64,
    /// ...but never less than this.
    pub time_floor_ms: u64,
    /// On memory cases, the peak heap may be `memory_factor` times the
    /// reference's...
    pub memory_factor: f64,
    /// ...plus this much.
    pub memory_slack_kib: u64,
    /// The hard cap on the whole child process (address space).
    pub hard_memory_mib: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            time_factor: 10.0,
            time_floor_ms: 2_000,
            memory_factor: 4.0,
            memory_slack_kib: 1_024,
            hard_memory_mib: 1_024,
        }
    }
}

/// The least CPU time a PySpark case is allowed (see `Kata::limits_in`).
pub const SPARK_TIME_FLOOR_MS: u64 = 20_000;

/// A DataFrame kata's `[plan]` table: rules its executed plan must keep.
/// Every rule is optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRules {
    /// A broadcast join (the build side collected whole) may collect at
    /// most this many rows: the executor's memory budget.
    pub broadcast_budget_rows: Option<u64>,
    /// A shuffled join (both sides hash-repartitioned) may take at most
    /// this many rows in all: above it, the small side should have been
    /// broadcast.
    pub max_shuffled_join_rows: Option<u64>,
    /// No hash repartition of at least `share_min_rows` rows may send more
    /// than this share of them to one partition.
    pub max_partition_share: Option<f64>,
    #[serde(default)]
    pub share_min_rows: u64,
}

/// The interviewer's follow-up a failing case quotes, and the concern it
/// is about (for a kata's own wording of a question, the one its kata file
/// names, if any).
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub text: String,
    pub concern: Option<Concern>,
}

impl Question {
    /// The default question of a concern.
    pub fn of(concern: Concern) -> Question {
        Question { text: concern.question().unwrap_or(questions::CORRECTNESS).to_string(), concern: Some(concern) }
    }

    /// A question about the physical plan.
    pub fn plan(text: &str) -> Question {
        Question { text: text.to_string(), concern: Some(Concern::Plan) }
    }

    /// A record exactly at the kata's limit (a gap of exactly the limit).
    pub fn boundary() -> Question {
        Question { text: questions::BOUNDARY.to_string(), concern: Some(Concern::Ties) }
    }

    /// The question about state kept per key when keys interleave.
    pub fn interleaved() -> Question {
        Question { text: questions::INTERLEAVED.to_string(), concern: Some(Concern::Order) }
    }

    /// The default question of a stream built from `families`: its most
    /// specific family's, about the concern that family stands for.
    fn of_families(families: &[Family]) -> Question {
        match questions::most_specific(families) {
            Some(family) => {
                Question { text: questions::for_family(family).to_string(), concern: concern::of_family(family) }
            }
            None => Question::of(Concern::Correctness),
        }
    }

    /// A case's own question: written in its kata file with the concern
    /// the file gives it (none unless it says), else its families'.
    fn of_case(written: Option<String>, concern: Option<Concern>, families: &[Family]) -> Question {
        match written {
            Some(text) => Question { text, concern },
            None => Question::of_families(families),
        }
    }
}

/// A memory case: graded on peak heap against the reference, and on how the
/// peak grows when the stream grows `scale` times.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryCheck {
    #[serde(default = "default_scale")]
    pub scale: u64,
}

fn default_scale() -> u64 {
    4
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KataFile {
    id: String,
    pattern: String,
    title: String,
    #[serde(default)]
    difficulty: Difficulty,
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
}

/// What a backfill kata's store holds (its rows' type in Rust).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableRows {
    /// `DailyCount`: `{day, user_id, n}`, partitioned by `day`.
    #[default]
    DailyCounts,
    /// `Event`: partitioned by the UTC day of `ts`.
    Events,
}

/// A kata's Python form: its prompt and hints in Python's terms (the
/// Rust ones when not given).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PythonForm {
    pub prompt: Option<String>,
    pub hints: Option<Vec<String>>,
    /// Python idioms that differ from the rule, said after the prompt.
    #[serde(default)]
    pub notes: Vec<String>,
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

/// How a case differs for a Python solution.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PythonCase {
    /// A shorter stream (a memory case's million events take seconds to
    /// feed a Python worker; the growth check works the same on fewer).
    pub events: Option<u64>,
}
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub families: Vec<Family>,
    pub events: u64,
    /// The question a wrong answer on this case quotes; memory failures
    /// quote `questions::MEMORY`.
    pub question: Question,
    pub why: Option<String>,
    pub params: StreamParams,
    pub memory: Option<MemoryCheck>,
    /// Job katas: the range and the procedure the case runs the job by.
    pub job: Option<JobSpec>,
    /// The entry function's arguments after its input, as JSON: the
    /// kata's, or the case's own (a session gap of 600 s, say, so that a
    /// solution that ignores its parameter is caught).
    pub args: Vec<serde_json::Value>,
    pub python: PythonCase,
}

impl Case {
    /// The records of the case's stream for a solution in `language`.
    pub fn events_for(&self, language: Language) -> u64 {
        match language {
            Language::Python => self.python.events.unwrap_or(self.events),
            Language::Rust => self.events,
        }
    }
}

/// A loaded kata.
#[derive(Clone, Debug)]
pub struct Kata {
    pub id: String,
    pub pattern: String,
    /// The pattern's title, from its folder's `pattern.toml`.
    pub pattern_title: String,
    pub title: String,
    pub difficulty: Difficulty,
    /// What the kata is, with its kind's own fields.
    pub kind: Kind,
    pub entry: String,
    pub args: Vec<String>,
    /// `args` as JSON, the form workers are given them in; `None` for a
    /// DataFrame kata whose arguments are Rust only.
    pub arg_values: Option<Vec<serde_json::Value>>,
    pub prompt: String,
    pub hints: Vec<String>,
    pub compare: CompareSpec,
    pub limits: Limits,
    pub cases: Vec<Case>,
    pub dir: PathBuf,
    /// Session katas: the rule's inactivity gap.
    pub gap_seconds: Option<i64>,
    /// The fields whose ties the rule breaks.
    pub tie_fields: Vec<String>,
    pub python: PythonForm,
    /// The prompt's rules, in the order kata.toml lists them.
    pub rules: Vec<rules::PromptRule>,
}

impl Difficulty {
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::WarmUp => "warm-up",
            Difficulty::Core => "core",
            Difficulty::Stretch => "stretch",
        }
    }
}

impl Kata {
    /// The call shape of the kata's entry function.
    pub fn shape(&self) -> Shape {
        self.kind.shape()
    }
    pub fn toml_path(&self) -> PathBuf {
        self.dir.join("kata.toml")
    }
    /// The starter a learner's file is made from, in `language`.
    pub fn starter(&self, language: Language) -> PathBuf {
        self.dir.join(format!("starter.{}", language.extension()))
    }
    /// The reference solution in `language`.
    pub fn reference(&self, language: Language) -> PathBuf {
        self.dir.join(format!("reference.{}", language.extension()))
    }
    /// Whether the kata has a form in `language` (its starter and reference).
    pub fn speaks(&self, language: Language) -> bool {
        self.starter(language).is_file() && self.reference(language).is_file()
    }
    /// The languages the kata has a form in.
    pub fn languages(&self) -> Vec<Language> {
        Language::ALL.into_iter().filter(|l| self.speaks(*l)).collect()
    }
    /// The prompt in `language`'s terms.
    pub fn prompt_in(&self, language: Language) -> &str {
        match (language, &self.python.prompt) {
            (Language::Python, Some(p)) => p,
            _ => &self.prompt,
        }
    }
    /// The hints in `language`'s terms.
    pub fn hints_in(&self, language: Language) -> &[String] {
        match (language, &self.python.hints) {
            (Language::Python, Some(h)) => h,
            _ => &self.hints,
        }
    }
    pub fn mutants_dir(&self) -> PathBuf {
        self.dir.join("mutants")
    }
    /// What a case's size counts: events, rows, or what a DataFrame
    /// kata's first table holds (orders, clicks).
    pub fn unit(&self) -> Unit {
        match (self.shape().record_kind(), self.kind.dataset()) {
            (RecordKind::Tables, Some(d)) => Unit::of_dataset(d),
            (RecordKind::Events, _) => Unit::Events,
            _ => Unit::Rows,
        }
    }
    /// The limits a solution in `language` is held to. A PySpark query's
    /// time has a floor that covers a JVM warming up (its first queries
    /// compile code) and a busy machine: Spark's time limits catch a
    /// runaway query, not a slow constant.
    pub fn limits_in(&self, language: Language) -> Limits {
        let mut limits = self.limits.clone();
        if self.needs_engine() && language == Language::Python {
            limits.time_floor_ms = limits.time_floor_ms.max(SPARK_TIME_FLOOR_MS);
        }
        limits
    }
    /// Whether checking this kata needs the DataFrame engine.
    pub fn needs_engine(&self) -> bool {
        matches!(self.kind, Kind::Tables { .. })
    }
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
    let mut katas = Vec::new();
    let mut ids = HashSet::new();
    for path in paths {
        let kata = load(&path)?;
        if !ids.insert(kata.id.clone()) {
            return Err(BadRequest::new(format!("{}: the kata id `{}` is used twice", path.display(), kata.id)).into());
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
    })
}

/// Finds a kata by id, or explains which ids exist.
pub fn find<'a>(katas: &'a [Kata], id: &str) -> Result<&'a Kata> {
    katas.iter().find(|k| k.id == id).ok_or_else(|| {
        let close: Vec<&str> =
            katas.iter().map(|k| k.id.as_str()).filter(|k| k.contains(id) || id.contains(k)).collect();
        let hint = if close.is_empty() {
            "run `dekata list` to see every kata".to_string()
        } else {
            format!("did you mean {}?", close.join(", "))
        };
        BadRequest::new(format!("there is no kata `{id}`: {hint}")).into()
    })
}

/// The katas named by `ids`, in the order given, each once; an unknown id
/// is a bad request that says which ids exist.
pub fn select<'a>(katas: &'a [Kata], ids: &[String]) -> Result<Vec<&'a Kata>> {
    let mut out: Vec<&Kata> = Vec::new();
    for id in ids {
        let kata = find(katas, id)?;
        if !out.iter().any(|k| k.id == kata.id) {
            out.push(kata);
        }
    }
    Ok(out)
}

/// Katas grouped by pattern, patterns in catalogue order.
pub fn by_pattern(katas: &[Kata]) -> Vec<(String, Vec<&Kata>)> {
    let mut order: Vec<String> = Vec::new();
    let mut groups: BTreeMap<String, Vec<&Kata>> = BTreeMap::new();
    for k in katas {
        if !groups.contains_key(&k.pattern) {
            order.push(k.pattern.clone());
        }
        groups.entry(k.pattern.clone()).or_default().push(k);
    }
    order
        .into_iter()
        .map(|p| {
            let g = groups.remove(&p).unwrap_or_default();
            (p, g)
        })
        .collect()
}

/// Ids whose solution file would collide with dekata's files in solutions/.
const RESERVED_IDS: [&str; 2] = ["lib", "main"];

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A TOML error as `path:line:column: message`, with the offending line.
fn malformed(path: &Path, text: &str, e: &toml::de::Error) -> anyhow::Error {
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
    fn a_case_asks_its_most_specific_familys_question() {
        let q = Question::of_case(None, None, &[Family::Retries, Family::Nulls, Family::Ties]);
        assert_eq!(q, Question { text: questions::TIES.to_string(), concern: Some(Concern::Ties) });
        let q = Question::of_case(None, None, &[Family::Nulls, Family::MissingFields]);
        assert_eq!(q, Question { text: questions::NULLS.to_string(), concern: Some(Concern::Nulls) });
        let q = Question::of_case(None, None, &[Family::Skew, Family::Clean]);
        assert_eq!(q, Question { text: questions::SKEW.to_string(), concern: None });
        let q = Question::of_case(None, None, &[Family::Grouped]);
        assert_eq!(q, Question::of(Concern::Correctness));
    }

    #[test]
    fn a_written_question_has_the_concern_its_file_gives_it() {
        let families = [Family::Retries, Family::Ties];
        let q = Question::of_case(Some("Which one stays?".into()), None, &families);
        assert_eq!(q, Question { text: "Which one stays?".into(), concern: None });
        let q = Question::of_case(Some(questions::RETRIES.into()), Some(Concern::Retries), &families);
        assert_eq!(q, Question::of(Concern::Retries));
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
        assert_eq!(kata.cases[0].question, Question { text: "Twice?".into(), concern: Some(Concern::Retries) });
    }
}

/// Arguments written in kata.toml as JSON values, or the first that is not.
fn json_args(args: &[String]) -> std::result::Result<Vec<serde_json::Value>, String> {
    args.iter().map(|a| serde_json::from_str(a).map_err(|_| a.clone())).collect()
}
