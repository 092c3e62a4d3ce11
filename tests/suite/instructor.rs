//! The commands for authors and instructors: `dekata new` scaffolds a kata
//! that validates as it is; `dekata grade` grades a class folder.

use crate::common;
use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SHAPES: [&str; 9] = [
    "events_to_map",
    "events_to_list",
    "events_to_iter",
    "events_to_value",
    "passes_to_iter",
    "streams_to_iter",
    "rows_to_split",
    "events_to_table",
    "chunks_to_list",
];

/// Every file under `dir` with its content.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(dir).into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

#[test]
fn new_scaffolds_a_kata_of_each_shape_in_its_pattern_folder() {
    let root = Root::with_own_katas();
    for (i, shape) in SHAPES.iter().enumerate() {
        let id = format!("scaffold_{}", shape.trim_start_matches("events_to_"));
        let pattern = if i < 2 { "first-pattern" } else { "second-pattern" };
        let out = root.dekata(&["new", &id, "--pattern", pattern, "--shape", shape]);
        assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
        assert!(stdout(&out).contains(&format!("dekata validate {id}")), "{}", stdout(&out));
    }
    // A pattern's katas share its folder; a new pattern takes the next number.
    let katas = root.path().join("katas");
    let placed = SHAPES.iter().enumerate().map(|(i, shape)| {
        let folder = if i < 2 { "01-first-pattern" } else { "02-second-pattern" };
        (folder, format!("scaffold_{}", shape.trim_start_matches("events_to_")))
    });
    for (folder, id) in placed {
        let dir = katas.join(folder).join(&id);
        for file in ["kata.toml", "starter.rs", "reference.rs"] {
            assert!(dir.join(file).is_file(), "{}", dir.join(file).display());
        }
        let mutants = walk(&dir.join("mutants"));
        assert!(!mutants.is_empty());
        for m in mutants {
            assert!(std::fs::read_to_string(&m).unwrap().starts_with("//! expect: "), "{}", m.display());
        }
    }
    // A kata with no Python form validates as made. Every shape's Rust
    // form is validated beside its Python one in the next test: here the
    // first pattern's two are enough to show a Rust-only kata is whole.
    let out = root.dekata(&["validate", "scaffold_map", "scaffold_list"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("2 of 2 katas valid"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("Python"), "a Rust-only kata is validated in Rust alone: {}", stdout(&out));
}

#[test]
fn new_with_lang_python_scaffolds_both_forms_that_validate_as_they_are() {
    let root = Root::with_own_katas();
    let katas = root.path().join("katas");
    let ids: Vec<String> = SHAPES.iter().map(|s| format!("py_{}", s.trim_start_matches("events_to_"))).collect();
    for (shape, id) in SHAPES.iter().zip(&ids) {
        let out = root.dekata(&["new", id, "--pattern", "both-forms", "--shape", shape, "--lang", "python"]);
        assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
        assert!(stdout(&out).contains("raises NotImplementedError"), "{}", stdout(&out));
        let dir = katas.join("01-both-forms").join(id);
        for file in ["kata.toml", "starter.rs", "reference.rs", "starter.py", "reference.py"] {
            assert!(dir.join(file).is_file(), "{}", dir.join(file).display());
        }
        let toml = read(dir.join("kata.toml"));
        assert!(toml.contains("\n[python]\nprompt = "), "{toml}");
        assert!(toml.contains(&format!("def {id}(")), "the Python prompt shows the signature:\n{toml}");
        let mutants = walk(&dir.join("mutants"));
        let python: Vec<&PathBuf> = mutants.iter().filter(|m| m.extension().is_some_and(|e| e == "py")).collect();
        assert!(python.len() >= 2, "{mutants:?}");
        for m in mutants.iter() {
            let header = if python.contains(&m) { "# expect: " } else { "//! expect: " };
            assert!(read(m.clone()).starts_with(header), "{}", m.display());
        }
    }
    // The events' memory case runs on a shorter stream for Python.
    let toml = read(katas.join("01-both-forms").join("py_map").join("kata.toml"));
    assert!(toml.contains("memory = { scale = 4 }\n"), "{toml}");
    assert!(toml.contains("\npython = { events = 200000 }\n"), "{toml}");

    let mut args = vec!["validate", "--jobs", VALIDATE_JOBS];
    args.extend(ids.iter().map(String::as_str));
    let out = root.dekata(&args);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    assert!(text.contains(&format!("{n} of {n} katas valid", n = SHAPES.len())), "{text}");
    for id in &ids {
        let report = text
            .split("\n\n")
            .find(|block| block.starts_with(&format!("{id} (")))
            .unwrap_or_else(|| panic!("no report for {id}:\n{text}"));
        assert!(report.contains("Python reference passes"), "{report}");
        assert!(report.contains("agreeing with the Rust reference"), "{report}");
        assert!(report.contains("Python starter loads and is not implemented"), "{report}");
        assert!(report.matches("\u{2713} Python mutant ").count() >= 2, "{report}");
        assert!(report.contains("\u{2713} Rust mutant "), "{report}");
    }

    // A Python reference is judged from the run its limits are measured on,
    // not run twice: one that disagrees with the Rust reference is still
    // refused, on the case and seed it first disagrees on.
    let reference = katas.join("01-both-forms").join("py_value").join("reference.py");
    let text = read(reference.clone()).replace("span[\"events\"] += 1", "span[\"events\"] += 2");
    std::fs::write(&reference, text).unwrap();
    let out = root.dekata(&["validate", "py_value", "--lang", "python"]);
    let text = stdout(&out);
    assert_ne!(code(&out), 0, "{text}");
    assert!(text.contains("the Python reference fails case `"), "{text}");
    assert!(text.contains("with seed 42: wrong_answer"), "{text}");
}

/// The DataFrame shape's Python form is PySpark. Validating it starts Spark:
/// one JVM for the kata, about 15 s on two cores once PySpark is installed
/// (the first run on a machine installs it into the shared target folder).
/// Only the Python form: the DataFusion one is validated in `dataframe`.
#[test]
fn new_with_lang_python_scaffolds_a_pyspark_dataframe_kata_that_validates() {
    let _engine = spark_engine();
    let root = Root::with_own_katas();
    let id = "py_frames";
    let out = root.dekata(&["new", id, "--pattern", "frames", "--shape", "dataframes", "--lang", "python"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let dir = root.path().join("katas").join("01-frames").join(id);
    for file in ["kata.toml", "starter.rs", "reference.rs", "starter.py", "reference.py"] {
        assert!(dir.join(file).is_file(), "{}", dir.join(file).display());
    }
    let toml = read(dir.join("kata.toml"));
    assert!(toml.contains("\n[python]\nprompt = "), "{toml}");
    assert!(toml.contains(&format!("def {id}(clicks: DataFrame) -> DataFrame")), "{toml}");
    assert!(read(dir.join("reference.py")).contains("from pyspark.sql import"));
    let mutants = walk(&dir.join("mutants"));
    let python: Vec<&PathBuf> = mutants.iter().filter(|m| m.extension().is_some_and(|e| e == "py")).collect();
    assert!(python.len() >= 2, "{mutants:?}");
    for m in mutants.iter() {
        let header = if python.contains(&m) { "# expect: " } else { "//! expect: " };
        assert!(read(m.clone()).starts_with(header), "{}", m.display());
    }

    let out = root.dekata(&["validate", id, "--lang", "python"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    assert!(text.contains("1 of 1 katas valid"), "{text}");
    assert!(!text.contains('\u{2717}'), "{text}");
    assert!(text.contains("Python reference passes"), "{text}");
    assert!(text.contains("agreeing with the DataFusion reference"), "{text}");
    assert!(text.contains("Python starter loads and is not implemented"), "{text}");
    assert!(text.matches("\u{2713} Python mutant ").count() >= 2, "{text}");
}

#[test]
fn new_never_overwrites_and_refuses_bad_requests() {
    let root = Root::with_own_katas();
    let out = root.dekata(&["new", "taken", "--pattern", "drills"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let katas = root.path().join("katas");
    assert!(katas.join("01-drills").join("taken").join("kata.toml").is_file());
    let before = snapshot(&katas);

    // The same id, in its own pattern or another: exit 2, nothing touched.
    for pattern in ["drills", "elsewhere"] {
        let out = root.dekata(&["new", "taken", "--pattern", pattern, "--shape", "events_to_list"]);
        assert_eq!(code(&out), 2, "{}", stdout(&out));
        assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    }
    // A folder in the way, though not (yet) a kata, in any pattern folder.
    std::fs::create_dir(katas.join("01-drills").join("half_made")).unwrap();
    for pattern in ["drills", "elsewhere"] {
        let out = root.dekata(&["new", "half_made", "--pattern", pattern]);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    }
    std::fs::remove_dir(katas.join("01-drills").join("half_made")).unwrap();

    for id in ["CamelCase", "9lives", "with-dash", "fn"] {
        let out = root.dekata(&["new", id, "--pattern", "drills"]);
        assert_eq!(code(&out), 2, "{id}");
        assert!(stderr(&out).contains("snake_case"), "{}", stderr(&out));
    }
    let out = root.dekata(&["new", "fine_id", "--pattern", "drills", "--shape", "events_to_dict"]);
    assert_eq!(code(&out), 2);
    for shape in SHAPES {
        assert!(stderr(&out).contains(shape), "{}", stderr(&out));
    }
    let out = root.dekata(&["new", "fine_id", "--pattern", "../escape"]);
    assert_eq!(code(&out), 2);

    // A Python keyword cannot name a Python function, in any shape: refused
    // before anything is made, a new pattern's folder included.
    for (pattern, shape) in [("drills", "events_to_map"), ("pyspark", "dataframes")] {
        let out = root.dekata(&["new", "lambda", "--pattern", pattern, "--shape", shape, "--lang", "python"]);
        assert_eq!(code(&out), 2, "{}", stdout(&out));
        assert!(stderr(&out).contains("Python keyword"), "{}", stderr(&out));
    }
    assert!(!katas.join("02-pyspark").exists());

    assert_eq!(snapshot(&katas), before, "a refused `new` must leave the katas as they were");
    assert!(!root.path().join("escape").exists());
}

/// A class folder: one subfolder per learner, files given by path.
fn class(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn submission<'a>(all: &'a Value, learner: &str, kata: &str) -> &'a Value {
    all["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["learner"] == learner && s["kata"] == kata)
        .unwrap_or_else(|| panic!("no submission {learner}/{kata} in {all:#}"))
}

#[test]
fn grade_a_class_in_parallel_with_json_and_junit() {
    let root = Root::new();
    let class = class(&[
        ("alice/count_events.rs", STREAMING),
        ("alice/notes.txt", "not a submission"),
        ("bob/count_events.rs", &read(kata_file("count_events", "mutants/collect_first.rs"))),
        ("carol/count_events.rs", &read(fixture("hostile/endless_loop.rs"))),
        ("carol/count_min.rs", &read(fixture("hostile/does_not_compile.rs"))),
    ]);
    let junit = class.path().join("out").join("junit.xml");
    let out = root.dekata(&[
        "grade",
        class.path().to_str().unwrap(),
        "--json",
        "--jobs",
        "2",
        "--junit",
        junit.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let all: Value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}", stdout(&out)));
    assert_eq!(all["verdict"], "fail");
    assert_eq!(all["submissions"].as_array().unwrap().len(), 4, "{all:#}");
    assert_eq!(all["skipped"], serde_json::json!(["alice/notes.txt"]));

    let alice = &submission(&all, "alice", "count_events")["report"];
    assert_eq!(alice["verdict"], "pass", "{alice:#}");
    let bob = &submission(&all, "bob", "count_events")["report"];
    assert_eq!(bob["verdict"], "fail");
    assert_eq!(case(bob, "million-events-few-keys")["verdict"], "memory_exceeded", "{bob:#}");
    let carol_loop = &submission(&all, "carol", "count_events")["report"];
    assert!(verdicts(carol_loop).iter().all(|(_, v)| v == "time_exceeded"), "{carol_loop:#}");
    let carol_broken = &submission(&all, "carol", "count_min")["report"];
    assert_eq!(carol_broken["verdict"], "compile_error");
    assert!(carol_broken["compile"]["stderr"].as_str().unwrap().contains("error"), "{carol_broken:#}");

    // The JUnit file is well formed: a suite per learner, failures named.
    let xml = std::fs::read_to_string(&junit).expect("the JUnit file is written");
    let report = quick_junit::Report::deserialize_from_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let suites: Vec<&str> = report.test_suites.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(suites, ["alice", "bob", "carol"]);
    let suite = |name: &str| report.test_suites.iter().find(|s| s.name.as_str() == name).unwrap();
    assert_eq!(suite("alice").failures, 0);
    assert_eq!(suite("alice").test_cases.len(), 7);
    assert_eq!(suite("bob").failures, 1);
    assert_eq!(suite("carol").failures, 8, "{xml}");
    assert!(xml.contains(r#"name="count_events::million-events-few-keys""#), "{xml}");
    assert!(xml.contains(r#"type="memory_exceeded""#), "{xml}");
    assert!(xml.contains(r#"type="time_exceeded""#), "{xml}");
    assert!(xml.contains(r#"type="compile_error""#), "{xml}");
}

#[test]
fn grade_prints_a_table_and_exits_0_when_all_pass() {
    let root = Root::new();
    let class = class(&[
        ("alice/count_events.rs", STREAMING),
        ("alice/count_min.rs", "// not asked for: left out by --kata"),
        ("bob/README.md", "not a submission"),
    ]);
    let out = root.dekata(&["grade", class.path().to_str().unwrap(), "--kata", "count_events"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}{}", stderr(&out));
    let row = text.lines().find(|l| l.starts_with("alice")).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("pass 7/7"), "{text}");
    let row = text.lines().find(|l| l.starts_with("bob")).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains('-'), "{text}");
    assert!(text.contains("bob/README.md"), "skipped files are listed: {text}");
    assert!(!text.contains("count_min"), "--kata leaves other katas out: {text}");
    assert!(text.contains("1 of 1 submissions pass"), "{text}");
    assert!(!text.contains('\u{1b}'), "no color when stdout is not a terminal");
}

#[test]
fn grade_records_an_internal_error_and_grades_the_others() {
    let root = Root::with_own_katas();
    for (id, shape) in [("sound_kata", "events_to_map"), ("broken_kata", "events_to_list")] {
        let out = root.dekata(&["new", id, "--pattern", "mixed", "--shape", shape]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let kata_dir = |id: &str| root.path().join("katas").join("01-mixed").join(id);
    // A reference that panics is the kata's fault: an internal error, not a verdict.
    std::fs::write(
        kata_dir("broken_kata").join("reference.rs"),
        "use grader::prelude::*;\n\npub fn broken_kata(events: impl Iterator<Item = Event>) -> Vec<u64> {\n    panic!(\"broken reference\")\n}\n",
    )
    .unwrap();
    let class = class(&[
        ("dana/sound_kata.rs", &read(kata_dir("sound_kata").join("reference.rs"))),
        ("dana/broken_kata.rs", &read(kata_dir("broken_kata").join("starter.rs"))),
    ]);
    let junit = class.path().join("junit.xml");
    let out = root.dekata(&["grade", class.path().to_str().unwrap(), "--json", "--junit", junit.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let all: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let broken = submission(&all, "dana", "broken_kata");
    assert!(broken["report"].is_null(), "{broken:#}");
    assert!(broken["error"].as_str().unwrap().contains("reference"), "{broken:#}");
    assert_eq!(submission(&all, "dana", "sound_kata")["report"]["verdict"], "pass", "{all:#}");
    let xml = std::fs::read_to_string(&junit).unwrap();
    let report = quick_junit::Report::deserialize_from_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(report.errors, 1, "{xml}");
    assert_eq!(report.failures, 0, "{xml}");
}

#[test]
fn grade_bad_requests_exit_2() {
    let root = Root::new();
    let missing = root.path().join("no-such-class");
    let out = root.dekata(&["grade", missing.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    let class = class(&[("alice/count_events.rs", STREAMING)]);
    let dir = class.path().to_str().unwrap();
    let out = root.dekata(&["grade", dir, "--kata", "count_event"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("did you mean count_events?"), "{}", stderr(&out));
    let out = root.dekata(&["grade", dir, "--jobs", "0"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn an_instructors_own_kata_folder_is_read_with_katas_or_dekata_katas() {
    let root = Root::new();
    let own = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("katas/01-streaming-aggregation/count_events"), &own.path().join("counting/count_events"));
    std::fs::write(own.path().join("counting/pattern.toml"), "title = \"Counting, our way\"\n").unwrap();
    let dir = own.path().to_str().unwrap();

    let listed = root.dekata(&["list", "--json", "--katas", dir]);
    assert_eq!(code(&listed), 0, "{}", stderr(&listed));
    let rows: Value = serde_json::from_str(&stdout(&listed)).unwrap();
    let ids: Vec<&str> = rows.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["count_events"], "only the instructor's katas");
    let text = stdout(&dekata_command(root.path()).args(["list"]).env("DEKATA_KATAS", dir).output().unwrap());
    assert!(text.contains("Counting, our way") && !text.contains("heavy_hitters"), "{text}");

    // Graded from that folder: its reference is the truth.
    let reference = own.path().join("counting/count_events/reference.py");
    let out = root.dekata(&["check", "count_events", "--katas", dir, "--solution", reference.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}\n{}", stdout(&out), stderr(&out));

    let missing = root.dekata(&["list", "--katas", "/nonexistent/katas"]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("/nonexistent/katas does not exist"), "{}", stderr(&missing));
}
