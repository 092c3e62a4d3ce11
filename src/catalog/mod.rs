//! The kata catalogue: `katas/**/kata.toml` files, loaded into typed katas.
//!
//! The file format is documented in `katas/README.md`. A malformed file is a
//! bad request (exit 2) reported with its path, line and column.

pub mod interview;
mod kind;
mod load;
pub mod plan;
mod question;
pub mod rules;
mod unit;

pub use crate::shapes::Shape;
pub use kind::Kind;
pub use load::{is_identifier, load_all};
pub use question::Question;
pub use unit::Unit;

use crate::error::BadRequest;
use crate::language::Language;
use anyhow::Result;
use harness::jobs::JobSpec;
use harness::protocol::CompareSpec;
use harness::streams::{Family, RecordKind, StreamParams};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

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
    /// Its week of the study plan, if the catalogue has one.
    pub week: Option<u8>,
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
    /// How the kata opens as a mock interview, if it does.
    pub interview: Option<interview::Interview>,
    /// The katas the interviewer asks next, in order.
    pub follow_ups: Vec<String>,
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
    /// An estimating kata's exact program (`truth.rs`), whose output is
    /// the expected one while the reference's time and heap set the limits.
    pub fn truth(&self) -> Option<PathBuf> {
        Some(self.dir.join("truth.rs")).filter(|p| p.is_file())
    }

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
