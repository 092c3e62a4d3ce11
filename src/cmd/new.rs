//! `dekata new`: scaffolds a kata folder for an author, a small working kata
//! of the chosen call shape, so that `dekata validate <id>` passes on it
//! straight away and the author edits from a green state.
//!
//! The files come from `src/new_templates/`: one commented `kata.toml` for
//! every shape, and per shape the prompt, the starter, the reference and
//! the mutants. `{id}`, `{pattern}` and friends are filled in here. With
//! `--lang python` the kata gets its Python form too: per shape a `[python]`
//! table and `.py` starter, reference and mutants (for `dataframes`, the
//! PySpark form).

use crate::catalog::{self, Kata, Shape};
use crate::error::BadRequest;
use crate::language::Language;
use crate::shapes::{PythonScaffold, Scaffold};
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use colored::Colorize;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The new kata's id (snake_case)
    pub id: String,
    /// Its pattern, e.g. streaming-aggregation
    #[arg(long)]
    pub pattern: String,
    /// Its call shape, e.g. events_to_map
    #[arg(long)]
    pub shape: Option<String>,
    /// rust (the default) writes the Rust form; python adds the Python form
    /// too: starter.py, reference.py, mutants/*.py and a [python] table
    #[arg(long, value_name = "LANG", value_parser = crate::language::parse_arg)]
    pub lang: Option<Language>,
}

/// One file of a scaffold: its path inside the kata folder and its text.
struct File {
    path: &'static str,
    text: String,
}

/// Returns whether everything asked for succeeded (exit 0) or not (exit 1).
pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let shape = parse_shape(args.shape.as_deref())?;
    let templates = &shape.parts().scaffold;
    let python = match args.lang.unwrap_or(Language::Rust) {
        Language::Rust => None,
        Language::Python => Some(&shape.parts().python),
    };
    check_id(&args.id, python.is_some())?;
    check_pattern(&args.pattern)?;
    let katas = catalog::load_all(&ws.katas())?;
    refuse_taken_id(ws, &katas, &args.id)?;
    let dir = pattern_folder(ws, &katas, &args.pattern)?.join(&args.id);
    let files = scaffold(shape, templates, python, &args.id, &args.pattern);
    write_kata(&dir, &files)?;
    print_made(ws, &dir, shape, &files, &args.id, python.is_some());
    Ok(true)
}

/// The shape asked for (default `events_to_map`), or a bad request listing
/// the shapes `new` scaffolds.
fn parse_shape(name: Option<&str>) -> Result<Shape> {
    let name = name.unwrap_or(Shape::EventsToMap.name());
    Shape::ALL.into_iter().find(|s| s.name() == name).ok_or_else(|| {
        let all: Vec<&str> = Shape::ALL.into_iter().map(Shape::name).collect();
        BadRequest::new(format!("unknown call shape `{name}`: use one of {}", all.join(", "))).into()
    })
}

/// A kata id names its folder and its entry function: a snake_case Rust
/// identifier that is not a keyword, and with a Python form not a Python
/// keyword either.
fn check_id(id: &str, python: bool) -> Result<()> {
    let mut chars = id.chars();
    let snake = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !snake || RUST_KEYWORDS.contains(&id) {
        return Err(BadRequest::new(BAD_ID.replace("{id}", id)).into());
    }
    if python && PYTHON_KEYWORDS.contains(&id) {
        return Err(BadRequest::new(PYTHON_KEYWORD_ID.replace("{id}", id)).into());
    }
    Ok(())
}

/// A pattern names a folder: lowercase words joined by hyphens.
fn check_pattern(pattern: &str) -> Result<()> {
    let words_ok =
        pattern.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    if !words_ok || !pattern.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(BadRequest::new(BAD_PATTERN.replace("{pattern}", pattern)).into());
    }
    Ok(())
}

/// An id is taken by a kata of the catalogue, or by a folder of that name
/// in any pattern folder (a kata in the making).
fn refuse_taken_id(ws: &Workspace, katas: &[Kata], id: &str) -> Result<()> {
    let mut taken = katas.iter().find(|k| k.id == id).map(|k| k.dir.clone());
    if taken.is_none() {
        taken = folder_names(&ws.katas())?.into_iter().map(|f| ws.katas().join(f).join(id)).find(|d| d.exists());
    }
    match taken {
        Some(dir) => Err(BadRequest::new(TAKEN.replace("{id}", id).replace("{dir}", &ws.display(&dir))).into()),
        None => Ok(()),
    }
}

/// The folder of the pattern: where its katas already are, else a folder
/// named `NN-<pattern>` (an existing one, or the next free number).
fn pattern_folder(ws: &Workspace, katas: &[Kata], pattern: &str) -> Result<PathBuf> {
    if let Some(parent) = katas.iter().find(|k| k.pattern == pattern).and_then(|k| k.dir.parent()) {
        return Ok(parent.to_path_buf());
    }
    let names = folder_names(&ws.katas())?;
    if let Some(existing) = names.iter().find(|n| strip_number(n) == Some(pattern)) {
        return Ok(ws.katas().join(existing));
    }
    let next = names.iter().filter_map(|n| number_of(n)).max().unwrap_or(0) + 1;
    Ok(ws.katas().join(format!("{next:02}-{pattern}")))
}

fn folder_names(dir: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        if entry.path().is_dir() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    Ok(names)
}

/// `01-streaming-aggregation` -> 1.
fn number_of(folder: &str) -> Option<u32> {
    folder.split_once('-').and_then(|(n, _)| n.parse().ok())
}

/// `01-streaming-aggregation` -> `streaming-aggregation`.
fn strip_number(folder: &str) -> Option<&str> {
    number_of(folder).and(folder.split_once('-').map(|(_, rest)| rest))
}

/// The files of a new kata of `shape`, placeholders filled in; with
/// `python`, its Python form too.
fn scaffold(shape: Shape, templates: &Scaffold, python: Option<&PythonScaffold>, id: &str, pattern: &str) -> Vec<File> {
    let fill = |text: &str| text.replace("{id}", id);
    // The shared file up to its cases; a shape with cases of its own (row
    // families, job procedures, chunks) replaces the events' cases.
    let split = KATA_TOML.find(CASES_START).unwrap_or(KATA_TOML.len());
    let (head, event_cases) = KATA_TOML.split_at(split);
    // The Python form: the [python] table after the prompt and hints, and a
    // shorter stream on the memory case (the only case of the events'
    // cases that needs one).
    let about = match python {
        Some(p) => format!("{}\n\n{}", templates.about.trim_end(), PYTHON_TOML.replace("{table}", p.table.trim_end())),
        None => templates.about.trim_end().to_string(),
    };
    let python_case = if python.is_some() { PYTHON_CASE.trim_end() } else { "" };
    let toml = format!("{head}{}", templates.cases.unwrap_or(event_cases))
        .replace("{about}", about.trim_end())
        .replace("{python_case}", python_case)
        .replace("{order}", templates.order)
        .replace("{grain}", templates.grain)
        .replace("{args}", templates.args)
        .replace("{limits}", templates.limits)
        .replace("{shape}", shape.name())
        .replace("{pattern}", pattern);
    let mut files = vec![File { path: "kata.toml", text: fill(&toml) }];
    files.extend(templates.sources.iter().map(|(path, text)| File { path, text: fill(text) }));
    if let Some(p) = python {
        files.extend(p.sources.iter().map(|(path, text)| File { path, text: fill(text) }));
    }
    files
}

/// Where the shared kata.toml template's events cases begin.
const CASES_START: &str = "# Generator parameters shared by every case";

const KATA_TOML: &str = include_str!("../new_templates/kata.toml.tmpl");

/// The comments around a shape's `[python]` table, placed after the prompt
/// and hints; `{table}` is the table.
const PYTHON_TOML: &str = include_str!("../new_templates/python.toml.tmpl");

/// What the memory case of the events' cases gets for Python: a shorter
/// stream, so that feeding the worker stays under a couple of seconds.
const PYTHON_CASE: &str = include_str!("../new_templates/python_case.toml.tmpl");

/// Writes the kata into a hidden staging folder beside `dir`, then renames
/// it into place: a failure never leaves half a kata behind. kata.toml goes
/// last, so the catalogue never sees an incomplete kata.
fn write_kata(dir: &Path, files: &[File]) -> Result<()> {
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".new-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a staging folder in {}", parent.display()))?;
    let (toml, sources): (Vec<&File>, Vec<&File>) = files.iter().partition(|f| f.path == "kata.toml");
    for file in sources.into_iter().chain(toml) {
        write_file(&staging.path().join(file.path), &file.text)?;
    }
    let staged = staging.keep();
    if let Err(e) = std::fs::rename(&staged, dir) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e).with_context(|| format!("cannot move the new kata into {}", dir.display()));
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

fn print_made(ws: &Workspace, dir: &Path, shape: Shape, files: &[File], id: &str, python: bool) {
    println!(
        "{} {}",
        "Created".green().bold(),
        format_args!("{}/, a working kata of the call shape {}:", ws.display(dir), shape.name())
    );
    let width = files.iter().map(|f| f.path.len()).max().unwrap_or(0);
    for file in files {
        println!("  {:<width$}  {}", file.path, describe(file).dimmed());
    }
    println!();
    println!("{}", if python { NEXT_STEPS_PYTHON } else { NEXT_STEPS }.replace("{id}", id));
}

/// What a scaffolded file is for, as listed after `new`.
fn describe(file: &File) -> String {
    match file.path {
        "kata.toml" => "what it asks, how it is called and graded (every field commented)".into(),
        "starter.rs" => "what learners start from: compiles, reaches todo!()".into(),
        "reference.rs" => "the reference solution".into(),
        "starter.py" => "what learners start from: runs, raises NotImplementedError".into(),
        "reference.py" => "the Python reference: must agree with reference.rs on every case".into(),
        _ => file
            .text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("//!").or_else(|| l.strip_prefix('#')))
            .map(|l| format!("a known-wrong solution ({})", l.trim()))
            .unwrap_or_default(),
    }
}

/// Strict and reserved keywords: an entry function cannot take these names.
const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Python's keywords that Rust lets an id take (`match`, `case` and `type`
/// are soft keywords, fine as names).
const PYTHON_KEYWORDS: &[&str] = &[
    "and", "assert", "class", "def", "del", "elif", "except", "finally", "from", "global", "import", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "with",
];

const BAD_ID: &str = "`{id}` cannot be a kata id: an id is a snake_case Rust identifier (lowercase letters, \
digits and underscores, starting with a letter, not a keyword), e.g. `count_sessions`; it names the kata's \
folder and the function learners write.";

const PYTHON_KEYWORD_ID: &str = "`{id}` cannot be the id of a kata with a Python form: it is a Python keyword, \
and the id names the function learners write. Choose another id.";

const TAKEN: &str = "`{id}` is taken: {dir} already exists. dekata new never overwrites; choose another id.";

const BAD_PATTERN: &str = "`{pattern}` cannot be a pattern: a pattern is lowercase words joined by hyphens, \
e.g. `streaming-aggregation`; it names the folder that groups its katas.";

const NEXT_STEPS: &str = "It validates as it is. Next:
  1. dekata validate {id}     see it pass before you change anything
  2. edit kata.toml (prompt, cases), reference.rs and starter.rs into your kata;
     keep the mutants in step: each is a complete wrong answer with its
     `//! expect: <verdict>` header (see katas/README.md)
  3. dekata validate {id}     after each step, until it passes again";

const NEXT_STEPS_PYTHON: &str = "It validates as it is, in Rust and in Python. Next:
  1. dekata validate {id}     see it pass before you change anything
  2. edit kata.toml (prompt, cases, and the [python] table), reference.rs and
     starter.rs into your kata, then reference.py and starter.py to match:
     the Python reference must agree with the Rust one on every case; keep
     the mutants in step: each is a complete wrong answer with its
     `//! expect: <verdict>` (Rust) or `# expect: <verdict>` (Python) header
     (see katas/README.md)
  3. dekata validate {id}     after each step, until it passes again";
