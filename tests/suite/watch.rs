//! `dekata watch` driven through pipes: standard input is not a terminal,
//! so commands are read line by line and each check is printed below a
//! separator line. Waits use generous timeouts and never assert on timing.

use crate::common;
use common::watch::Watch;
use common::*;
use std::path::{Path, PathBuf};

const PASS_7: &str = "All 7 cases pass";
/// The line that ends every page: the loop is waiting for the next command.
const READY: &str = common::watch::READY;

/// Saves as editors that write a temporary file and rename it over the old one.
fn rename_over(path: &Path, content: &str) {
    let tmp = path.with_file_name(format!(".{}.tmp", path.file_name().unwrap().to_string_lossy()));
    std::fs::write(&tmp, content).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn starter(kata: &str) -> String {
    std::fs::read_to_string(kata_file(kata, "starter.rs")).unwrap()
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn status_in_list(root: &Root, kata: &str) -> String {
    let list = root.dekata(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    let row = rows.as_array().unwrap().iter().find(|r| r["id"] == kata).unwrap();
    row["status"].as_str().unwrap().to_string()
}

#[test]
fn regrades_on_every_save_including_rename_over_the_file() {
    let root = Root::new();
    let file = root.solution("count_events");
    let mut watch = Watch::start(&root, &["count_events"]);

    // The first check creates the file from the starter.
    let at = watch.wait_for("not_implemented", 0);
    let at = watch.wait_for(READY, at);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), starter("count_events"));

    // A plain write.
    std::fs::write(&file, STREAMING).unwrap();
    let at = watch.wait_for(PASS_7, at);
    let at = watch.wait_for(READY, at);

    // Rename-and-replace, twice: the watch survives the file being replaced.
    rename_over(&file, &starter("count_events"));
    let at = watch.wait_for("not_implemented", at);
    let at = watch.wait_for(READY, at);
    rename_over(&file, &format!("{STREAMING}// saved by rename\n"));
    watch.wait_for(PASS_7, at);

    let status = watch.quit();
    assert_eq!(status.code(), Some(0), "stderr:\n{}", watch.errors());
    let text = watch.output();
    assert!(!text.contains('\u{1b}'), "no control codes when stdout is not a terminal:\n{text}");
    assert!(text.contains("────"), "each check starts below a separator line:\n{text}");
    assert_eq!(status_in_list(&root, "count_events"), "passed", "progress is recorded after each check");
}

#[test]
fn manual_mode_grades_on_enter() {
    let root = Root::new();
    let file = root.solution("count_events");
    let mut watch = Watch::start(&root, &["count_events", "--manual"]);
    let at = watch.wait_for("not_implemented", 0);
    let at = watch.wait_for("Manual mode", at);
    let at = watch.wait_for(READY, at);

    std::fs::write(&file, STREAMING).unwrap();
    watch.send("");
    let at = watch.wait_for(PASS_7, at);
    let at = watch.wait_for(READY, at);

    // `c` checks again too.
    watch.send("c");
    watch.wait_for(PASS_7, at);

    let status = watch.quit();
    assert_eq!(status.code(), Some(0), "stderr:\n{}", watch.errors());
}

#[test]
fn hint_reset_and_next_then_end_of_input_quits() {
    let root = Root::new();
    let file = root.solution("count_events");
    std::fs::write(&file, STREAMING).unwrap();
    // Without a kata: the first one not passed, count_events (started, never checked).
    let mut watch = Watch::start(&root, &[]);
    let at = watch.wait_for("solution: solutions/count_events.rs", 0);
    let at = watch.wait_for(PASS_7, at);
    let at = watch.wait_for(READY, at);

    // A hint (or, should hints fail, the reason) is shown and the loop goes on.
    watch.send("h");
    let at = watch.wait_for(READY, at);

    // Reset: the starter is back and the learner's text is kept elsewhere.
    watch.send("r");
    let at = watch.wait_for("not_implemented", at);
    let at = watch.wait_for(READY, at);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), starter("count_events"));
    let kept = files_under(&root.path().join("solutions"))
        .into_iter()
        .any(|p| p != file && std::fs::read_to_string(&p).is_ok_and(|t| t == STREAMING));
    assert!(kept, "the reset kept a copy of the learner's file:\n{}", watch.output());

    // Next: another kata, whose new file the watch then follows.
    watch.send("n");
    let at = watch.wait_for("solution: solutions/", at);
    let text = watch.output();
    let next = text[at..].split(".rs").next().unwrap().to_string();
    assert_ne!(next, "count_events", "{text}");
    let at = watch.wait_for("not_implemented", at);
    let at = watch.wait_for(READY, at);
    let reference = std::fs::read_to_string(kata_file(&next, "reference.rs")).unwrap();
    std::fs::write(root.solution(&next), reference).unwrap();
    watch.wait_for("Passed.", at);

    // End of input means quit.
    let status = watch.wait_exit();
    assert_eq!(status.code(), Some(0), "stderr:\n{}", watch.errors());
    assert_eq!(status_in_list(&root, &next), "passed");
}

#[test]
fn an_unknown_kata_is_a_bad_request() {
    let root = Root::new();
    let out = root.dekata(&["watch", "no_such_kata"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no_such_kata"), "{}", stderr(&out));
}
