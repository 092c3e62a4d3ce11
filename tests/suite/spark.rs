//! The DataFrame round in PySpark, on a real Spark. With the PySpark
//! scaffold's test in `instructor` and the PySpark validation in `catalog`,
//! the only tests that start JVMs. The first of them to run installs
//! PySpark into the shared target folder
//! (once per machine; later runs reuse it) and starts dekata's Spark
//! engine there, which the others share warm, two checks at a time as a
//! class's submissions do; a test that stops the engine has it alone.

use crate::common;
use common::watch::Watch;
use common::*;
use serde_json::Value;
use std::path::Path;

fn spark_fixture(name: &str) -> std::path::PathBuf {
    fixture(&format!("spark/{name}.py"))
}

/// Checks a fixture in a fresh workspace; returns the exit code and report.
fn check_spark(root: &Root, kata: &str, file: &Path) -> (i32, Value) {
    let (code, report) = check_json(root.path(), kata, &["--solution", file.to_str().unwrap()]);
    assert_eq!(report["language"], "python", "{report:#}");
    (code, report)
}

/// Nothing of the workers is left: no process names the workspace, and
/// no JVM runs in a learner's worker (the engine is dekata's, in the
/// shared target folder).
fn assert_nothing_left(root: &Root) {
    let out = std::process::Command::new("pgrep").arg("-f").arg(root.path()).output().unwrap();
    assert!(out.stdout.is_empty(), "processes left behind: {}", String::from_utf8_lossy(&out.stdout));
}

/// The processes of the learner's workers in `root`.
fn workers_of(root: &Root) -> String {
    let out = std::process::Command::new("pgrep").arg("-f").arg(root.path().join("solutions")).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn messages(report: &Value, verdict: &str) -> Vec<String> {
    report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == verdict)
        .map(|c| c["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_broadcast_hint_passes_and_the_plan_is_sparks_own() {
    let _engine = spark_engine();
    let root = Root::new();
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_broadcast"));
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["verdict"], "pass");
    let day = case(&report, "a-day-of-sales");
    let plan = day["plan"].as_str().unwrap();
    assert!(plan.contains("in BroadcastHashJoin mode (build 200 rows, probe 60,000 rows)"), "{plan}");
    assert_nothing_left(&root);
}

#[test]
fn a_shuffled_join_and_a_changed_session_are_rejected_in_sparks_words() {
    let _engine = spark_engine();
    let root = Root::new();
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_plain_join"));
    assert_eq!(code, 1);
    let day = case(&report, "a-day-of-sales");
    assert_eq!(day["verdict"], "plan_rejected", "{day:#}");
    assert_eq!(day["rule"], "plan");
    let message = day["message"].as_str().unwrap();
    for words in
        ["plan: broadcast missing", "ran in SortMergeJoin mode", "60,200 rows crossed the shuffle", "F.broadcast"]
    {
        assert!(message.contains(words), "`{words}` missing from: {message}");
    }
    // The small cases shuffle less than the budget: the rule is about size.
    assert_eq!(case(&report, "five-clean-rows")["verdict"], "pass");

    let (_, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_raises_threshold"));
    let refused = messages(&report, "plan_rejected");
    assert_eq!(refused.len(), report["cases"].as_array().unwrap().len(), "every case is refused: {report:#}");
    assert!(
        refused[0].contains("changed the session's `spark.sql.autoBroadcastJoinThreshold` from -1"),
        "{}",
        refused[0]
    );

    let (_, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_one_partition"));
    let refused = messages(&report, "plan_rejected");
    assert_eq!(refused.len(), report["cases"].as_array().unwrap().len(), "every case is refused: {report:#}");
    assert!(refused[0].contains("lowered the engine's target partitions from 4 to 1"), "{}", refused[0]);
    assert_nothing_left(&root);
}

#[test]
fn a_hot_key_is_measured_from_the_rows_of_each_partition_of_each_shuffle() {
    let _engine = spark_engine();
    let root = Root::new();
    let (_, report) = check_spark(&root, "clicks_by_plan", &kata_file("clicks_by_plan", "mutants/unsalted.py"));
    let hot = case(&report, "one-hot-user");
    assert_eq!(hot["verdict"], "plan_rejected", "{hot:#}");
    let message = hot["message"].as_str().unwrap();
    assert!(
        message.contains("plan: skew: the hash repartition on user_id sent 46,354 of its 60,000 rows"),
        "{message}"
    );
    assert!(message.contains("to one partition (rows per partition:"), "{message}");
    assert!(message.contains("join on the key and a salt together"), "{message}");
    // The evenly spread case passes the same rule (and the salted reference
    // passes them all: see every_dataframe_kata_validates_in_pyspark).
    assert_eq!(case(&report, "evenly-spread")["verdict"], "pass", "{report:#}");

    // A shuffle inside a cached DataFrame's plan is judged too.
    let (_, report) = check_spark(&root, "clicks_by_plan", &spark_fixture("cbp_cached_unsalted"));
    assert_eq!(case(&report, "one-hot-user")["verdict"], "plan_rejected", "{report:#}");

    // Partitions a sort-merge join never read on one side (its other side
    // had no rows there) still count in full: a correct salted join passes.
    let (code, report) = check_spark(&root, "clicks_by_plan", &spark_fixture("cbp_combined_key"));
    assert_eq!(code, 0, "{report:#}");
    assert_nothing_left(&root);
}

#[test]
fn a_lost_row_is_shrunk_to_rows_of_the_tables_and_named() {
    let _engine = spark_engine();
    let root = Root::new();
    let (code, report) = check_spark(&root, "latest_order_payment", &spark_fixture("lop_inner_join"));
    assert_eq!(code, 1);
    let c = case(&report, "no-primary-payment");
    assert_eq!(c["verdict"], "wrong_answer", "{c:#}");
    assert_eq!(c["rule"], "lost_unmatched");
    let message = c["message"].as_str().unwrap();
    assert!(message.contains("is only in orders"), "{message}");
    assert!(message.contains("an inner join where a left join belongs"), "{message}");
    // The prompt's rule is found by the kata's PySpark mutants, run on the
    // check's first counterexample in one engine that loads each in turn.
    let first = report["cases"].as_array().unwrap().iter().find(|c| c["verdict"] != "pass").unwrap();
    assert_eq!(first["kata_rule"], "null_when_no_primary", "{first:#}");
    assert_eq!(first["question_from"], "kata_rule", "{first:#}");
    let cx = c["counterexample"].as_array().unwrap();
    assert!(!cx.is_empty() && cx.len() <= 2, "{cx:?}");
    assert!(cx.iter().all(|r| r.get("orders").is_some() || r.get("payments").is_some()), "{cx:?}");
    assert!(c["diff"].as_str().unwrap().contains("\"primary_method\":null"), "{c:#}");
    assert_eq!(case(&report, "no-orders")["verdict"], "pass");

    // A helper column left in is named as such, not as a wrong row.
    let (_, report) = check_spark(&root, "latest_order_payment", &spark_fixture("lop_keeps_rank"));
    let c = case(&report, "five-clean-rows");
    assert_eq!(c["rule"], "columns", "{c:#}");
    assert!(c["message"].as_str().unwrap().contains("your output has `rank` that the reference's has not"), "{c:#}");
    assert_nothing_left(&root);
}

#[test]
fn the_jvm_reads_only_what_the_solution_may() {
    let _engine = spark_engine();
    let root = Root::new();
    let text = std::fs::read_to_string(spark_fixture("reads_reference"))
        .unwrap()
        .replace("os.environ.get(\"DEKATA_ROOT_GUESS\", \"/\")", &format!("{:?}", repo().display().to_string()));
    let file = root.path().join("reads_reference.py");
    std::fs::write(&file, text).unwrap();
    let (code, report) = check_spark(&root, "revenue_by_city", &file);
    assert_eq!(code, 1);
    let reference = std::fs::read_to_string(kata_file("revenue_by_city", "reference.rs")).unwrap();
    let shown = report.to_string();
    for line in reference.lines().map(str::trim).filter(|l| l.len() > 24) {
        assert!(!shown.contains(line), "the reference leaked into the report: {line}");
    }
    for c in report["cases"].as_array().unwrap() {
        assert_ne!(c["verdict"], "pass", "{c:#}");
    }
    assert!(messages(&report, "panicked").iter().any(|m| m.contains("reference.rs")), "{report:#}");
    assert_nothing_left(&root);
}

#[test]
fn a_runaway_query_ends_in_memory_or_time_exceeded_with_no_jvm_left() {
    let _engine = spark_engine_alone();
    // The kata with one case of 3,000 sales and a tight time factor: every
    // engine a runaway query takes down costs a JVM's start.
    let root = Root::with_own_katas();
    let kata = root.path().join("katas").join("06-dataframe").join("revenue_by_city");
    copy_dir(&kata_file("revenue_by_city", ""), &kata);
    let toml = std::fs::read_to_string(kata.join("kata.toml")).unwrap();
    let head = &toml[..toml.find("[[cases]]").unwrap()];
    let kept = toml.split("[[cases]]").find(|c| c.contains("name = \"unknown-stores\"")).unwrap();
    let head = head.replace("[compare]", "[limits]\ntime_factor = 2.0\n\n[compare]");
    std::fs::write(kata.join("kata.toml"), format!("{head}[[cases]]{kept}")).unwrap();

    // A megabyte of text per sale, piled into one row: out of heap.
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("runaway_memory"));
    assert_eq!(code, 1);
    let heap = messages(&report, "memory_exceeded");
    assert!(!heap.is_empty(), "{report:#}");
    assert!(heap[0].contains("Spark ran out of its 1024 MiB of heap"), "{}", heap[0]);
    assert_nothing_left(&root);

    // A cross join that would run for hours: stopped at twice its CPU
    // limit.
    let (_, report) = check_spark(&root, "revenue_by_city", &spark_fixture("runaway_query"));
    let c = case(&report, "unknown-stores");
    assert_eq!(c["verdict"], "time_exceeded", "{c:#}");
    assert!(c["message"].as_str().unwrap().contains("and stopped"), "{c:#}");
    assert_nothing_left(&root);
}

#[test]
fn a_solution_that_stops_the_session_is_told_so_and_the_next_run_gets_a_new_one() {
    // Every run gets a fresh session on the engine, with its own settings,
    // views and cache.
    let _engine = spark_engine();
    let root = Root::new();
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_stops_session"));
    assert_eq!(code, 1);
    let told = messages(&report, "panicked");
    // Every case, not only the first: each run starts on a live session.
    assert_eq!(told.len(), report["cases"].as_array().unwrap().len(), "{report:#}");
    assert!(told.iter().all(|m| m.contains("the solution stopped the Spark session")), "{told:?}");
    assert_nothing_left(&root);
}

#[test]
fn watch_rechecks_on_the_same_spark_session() {
    let _engine = spark_engine();
    let root = Root::new();
    let solution = root.path().join("solutions").join("revenue_by_city.py");
    std::fs::copy(spark_fixture("rbc_plain_join"), &solution).unwrap();
    let mut watch = Watch::start(&root, &["revenue_by_city", "--lang", "python", "--manual"]);
    let first = watch.wait_for(common::watch::READY, 0);
    let workers = workers_of(&root);
    assert!(!workers.is_empty(), "a Spark worker runs between checks");
    std::fs::copy(spark_fixture("rbc_broadcast"), &solution).unwrap();
    watch.send("c");
    let second = watch.wait_for("All 6 cases pass", first);
    watch.wait_for(common::watch::READY, second);
    // The learner's worker was kept, still connected to the warm engine.
    assert_eq!(workers_of(&root), workers);
    assert!(watch.quit().success());
    assert_nothing_left(&root);
}

#[test]
fn an_answer_worked_out_of_spark_or_joined_without_keys_is_rejected_whatever_the_worker_rewrites() {
    let _engine = spark_engine();
    let root = Root::new();
    // Collected to the driver, summed in Python, sent back as rows: every
    // case, the empty one too, is refused in words that say so.
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_on_the_driver"));
    assert_eq!(code, 1);
    let refused = messages(&report, "plan_rejected");
    assert_eq!(refused.len(), report["cases"].as_array().unwrap().len(), "{report:#}");
    let day = case(&report, "a-day-of-sales");
    let message = day["message"].as_str().unwrap();
    assert!(message.contains("the answer was not computed by Spark: it never reads `sales` or `stores`"), "{message}");

    // So is one for a kata without plan rules.
    let (code, report) = check_spark(&root, "latest_order_payment", &spark_fixture("lop_on_the_driver"));
    assert_eq!(code, 1);
    let refused = messages(&report, "plan_rejected");
    assert_eq!(refused.len(), report["cases"].as_array().unwrap().len(), "{report:#}");

    // A join on an expression has no keys: a cartesian product, judged as
    // the join it is.
    let (_, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_non_equi"));
    let day = case(&report, "a-day-of-sales");
    assert_eq!(day["verdict"], "plan_rejected", "{day:#}");
    let message = day["message"].as_str().unwrap();
    assert!(message.contains("ran as a CartesianProduct") && message.contains("equi-join"), "{message}");

    // Rewriting dekata's modules in the learner's process changes nothing:
    // the plan is read on the engine.
    let (_, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_patches_grader"));
    let day = case(&report, "a-day-of-sales");
    assert_eq!(day["verdict"], "plan_rejected", "{day:#}");
    assert!(day["plan"].as_str().unwrap().contains("SortMergeJoin"), "{day:#}");

    // Nor does what it does once the plan is handed over: its session is
    // closed to it while the next case's plan is built.
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_after_return"));
    assert_eq!(code, 1, "{report:#}");
    let day = case(&report, "a-day-of-sales");
    assert_eq!(day["verdict"], "plan_rejected", "{day:#}");
    // Either its change came too late (a shuffled join) or it is read as
    // a change of the session's settings, never a broadcast join that passes.
    let said = day["message"].as_str().unwrap();
    assert!(!day["plan"].as_str().unwrap().contains("BroadcastHashJoin") || said.contains(THRESHOLD), "{day:#}");
    assert_nothing_left(&root);
}

const THRESHOLD: &str = "spark.sql.autoBroadcastJoinThreshold";

#[test]
fn a_solution_reaches_no_file_artifact_or_other_session_through_the_engine() {
    let _engine = spark_engine();
    let root = Root::new();
    // The writer, SQL that writes, an artifact, a table, a global view, a
    // session of its own; and from a UDF a write to its input, a read of
    // the engine's state, a connection to the engine's port. The cities
    // would say which went through: none does.
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_reaches_engine"));
    for c in report["cases"].as_array().unwrap() {
        assert_eq!(c["verdict"], "pass", "{c:#}");
    }
    assert_eq!(code, 0, "{report:#}");
    let status: Value = serde_json::from_str(&stdout(&root.dekata(&["spark", "status", "--json"]))).unwrap();
    let folder = std::path::PathBuf::from(status["folder"].as_str().unwrap());
    let folder = if folder.is_absolute() { folder } else { root.path().join(folder) };
    let mut written = Vec::new();
    for entry in walkdir::WalkDir::new(&folder).into_iter().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if ["extra", "sql", "kept", "shared"].contains(&name.as_str()) {
            written.push(entry.path().display().to_string());
        }
    }
    assert!(written.is_empty(), "the solution wrote in the engine's folder: {written:?}");
    assert_nothing_left(&root);
}

#[test]
fn a_pandas_udf_runs_in_the_engine() {
    let _engine = spark_engine();
    let root = Root::new();
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_pandas_udf"));
    assert_eq!(code, 0, "{report:#}");
    assert_nothing_left(&root);
}

#[test]
fn the_engine_is_shared_warm_and_stopped_on_request() {
    let _engine = spark_engine_alone();
    let root = Root::new();
    let (code, _) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_broadcast"));
    assert_eq!(code, 0);
    let out = root.dekata(&["spark", "status", "--json"]);
    let status: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(status["serving"], true, "{status:#}");
    let remote = status["remote"].as_str().unwrap();
    assert!(remote.starts_with("sc://127.0.0.1:"), "{remote}");
    // The engine listens on loopback only.
    let port = remote.rsplit(':').next().unwrap();
    let pid = status["pid"].as_u64().unwrap();
    let listening = listening_sockets_of_group(pid as i32);
    let hex = format!(":{:04X}", port.parse::<u16>().unwrap());
    assert!(listening.iter().any(|a| a.ends_with(&hex)), "nothing of the engine listens on {port}: {listening:?}");
    for address in &listening {
        let host = address.split(':').next().unwrap();
        assert!(
            ["0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"].contains(&host),
            "the engine listens beyond loopback: {address} (all: {listening:?})"
        );
    }

    // A second check uses the same engine, and the learner's worker is
    // confined as a plain Python worker is, process filter included (the
    // report says when it is not).
    let (code, report) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_broadcast"));
    assert_eq!(code, 0);
    assert!(report["sandbox"].is_null(), "{report:#}");
    let again: Value = serde_json::from_str(&stdout(&root.dekata(&["spark", "status", "--json"]))).unwrap();
    assert_eq!(again["pid"].as_u64(), Some(pid));

    let out = root.dekata(&["spark", "stop"]);
    assert!(stdout(&out).contains("The Spark engine was stopped."), "{}", stdout(&out));
    let after: Value = serde_json::from_str(&stdout(&root.dekata(&["spark", "status", "--json"]))).unwrap();
    assert_eq!(after["serving"], false, "{after:#}");
    // Gone, or a zombie its parent has not reaped yet.
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat.rsplit_once(')').and_then(|(_, rest)| rest.trim_start().chars().next());
    assert!(matches!(state, None | Some('Z' | 'X')), "the engine's process is still there: {stat}");
    // The next check starts a new one.
    let (code, _) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_broadcast"));
    assert_eq!(code, 0);
}

/// The local addresses (`/proc/net/tcp` form, `0100007F:1F90`) every
/// process of the group `pgid` listens on: its JVM, Spark's services, the
/// Spark Connect server.
fn listening_sockets_of_group(pgid: i32) -> Vec<String> {
    let mut inodes = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        let Some((_, rest)) = stat.rsplit_once(')') else { continue };
        if rest.split_whitespace().nth(2).and_then(|g| g.parse::<i32>().ok()) != Some(pgid) {
            continue;
        }
        for fd in std::fs::read_dir(entry.path().join("fd")).into_iter().flatten().flatten() {
            if let Ok(target) = std::fs::read_link(fd.path()) {
                let text = target.to_string_lossy().into_owned();
                if let Some(inode) = text.strip_prefix("socket:[").and_then(|t| t.strip_suffix(']')) {
                    inodes.insert(inode.to_string());
                }
            }
        }
    }
    let mut found = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        for line in std::fs::read_to_string(table).unwrap_or_default().lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.len() > 9 && fields[3] == "0A" && inodes.contains(fields[9]) {
                found.push(fields[1].to_string());
            }
        }
    }
    found
}

#[test]
fn show_gives_spark_types_and_the_session() {
    let root = Root::new();
    let out = root.dekata(&["show", "revenue_by_city", "--lang", "python"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("sales(sale_id bigint, store_id bigint, amount_cents bigint)"), "{text}");
    assert!(text.contains("spark.sql.autoBroadcastJoinThreshold = -1"), "{text}");
    assert!(text.contains("spark.sql.shuffle.partitions = 4"), "{text}");
    assert!(text.contains("def revenue_by_city(sales: DataFrame, stores: DataFrame) -> DataFrame"), "{text}");
}

#[test]
fn missing_java_and_a_failed_install_are_setup_errors_that_leave_nothing() {
    let root = Root::new();
    let file = spark_fixture("rbc_broadcast");
    let out = dekata_command(root.path())
        .args(["check", "revenue_by_city", "--solution", file.to_str().unwrap()])
        .env("JAVA_HOME", "/nonexistent/java")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("needs Java 17 or later") && said.contains("apt-get install openjdk-17-jre-headless"),
        "{said}"
    );

    // A fresh target folder with no package index reachable: pip fails,
    // and no half-made environment is left to be mistaken for one.
    let target = tempfile::tempdir().unwrap();
    let out = dekata_command(root.path())
        .args(["check", "revenue_by_city", "--solution", file.to_str().unwrap(), "--json"])
        .env("DEKATA_TARGET_DIR", target.path())
        .env("PIP_NO_INDEX", "1")
        .env("PIP_FIND_LINKS", target.path())
        .env("PIP_CONFIG_FILE", "/dev/null")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "stdout must stay clean for --json: {}", stdout(&out));
    let said = stderr(&out);
    assert!(said.contains("PySpark could not be installed"), "{said}");
    let spark = target.path().join("spark");
    let left: Vec<_> = std::fs::read_dir(&spark)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("pyspark"))
        .collect();
    assert!(left.is_empty(), "a half-made environment was left: {left:?}");
}

/// A standalone Spark cluster started from PySpark's own distribution, on
/// loopback: a master, a worker, and a Spark Connect server whose driver
/// runs its queries there. Its processes share a group, ended when it is
/// dropped.
struct Cluster {
    group: i32,
    connect_port: u16,
    /// The Spark Connect driver's web UI, away from Spark's default port.
    ui_port: u16,
    _dir: tempfile::TempDir,
}

impl Cluster {
    fn start(spark_home: &Path, python: &Path) -> Cluster {
        let dir = tempfile::tempdir().unwrap();
        let free = || std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let (master_port, master_ui, worker_ui, connect_port, ui_port) = (free(), free(), free(), free(), free());
        let master = format!("spark://127.0.0.1:{master_port}");
        let logs = dir.path().to_path_buf();
        // Every JVM of the cluster (the executors too) keeps its scratch
        // files (block managers, native libraries) in the test's folder,
        // not in /tmp, where a killed JVM would leave them, and writes no
        // performance data there either.
        let scratch = logs.join("tmp");
        std::fs::create_dir_all(&scratch).unwrap();
        let spawn = |program: &str, args: &[String], group: i32, log: &str| {
            let log = std::fs::File::create(logs.join(log)).unwrap();
            let mut cmd = std::process::Command::new(spark_home.join("bin").join(program));
            cmd.args(args)
                .env("SPARK_HOME", spark_home)
                .env("SPARK_LOCAL_IP", "127.0.0.1")
                .env("SPARK_LOG_DIR", &logs)
                .env("SPARK_WORKER_DIR", logs.join("work"))
                .env("PYSPARK_PYTHON", python)
                .env("SPARK_LOCAL_DIRS", &scratch)
                .env("JAVA_TOOL_OPTIONS", format!("-XX:-UsePerfData -Djava.io.tmpdir={}", scratch.display()))
                .stdin(std::process::Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log);
            std::os::unix::process::CommandExt::process_group(&mut cmd, group);
            cmd.spawn().unwrap().id() as i32
        };
        let s = |t: &str| t.to_string();
        let group = spawn(
            "spark-class",
            &[
                s("org.apache.spark.deploy.master.Master"),
                s("--host"),
                s("127.0.0.1"),
                s("--port"),
                master_port.to_string(),
                s("--webui-port"),
                master_ui.to_string(),
            ],
            0,
            "master.log",
        );
        let cluster = Cluster { group, connect_port, ui_port, _dir: dir };
        cluster.wait_for(master_port, "the master");
        let worker_args = [
            s("org.apache.spark.deploy.worker.Worker"),
            s("--host"),
            s("127.0.0.1"),
            s("--webui-port"),
            worker_ui.to_string(),
            s("--cores"),
            s("2"),
            s("--memory"),
            s("2g"),
            master.clone(),
        ];
        spawn("spark-class", &worker_args, group, "worker.log");
        let mut connect = vec![
            s("--class"),
            s("org.apache.spark.sql.connect.service.SparkConnectServer"),
            s("--master"),
            master,
            s("--executor-memory"),
            s("1g"),
        ];
        for setting in [
            "spark.connect.grpc.binding.address=127.0.0.1".to_string(),
            format!("spark.connect.grpc.binding.port={connect_port}"),
            "spark.driver.host=127.0.0.1".to_string(),
            "spark.driver.bindAddress=127.0.0.1".to_string(),
            format!("spark.ui.port={ui_port}"),
            "spark.ui.showConsoleProgress=false".to_string(),
        ] {
            connect.push(s("--conf"));
            connect.push(setting);
        }
        spawn("spark-submit", &connect, group, "connect.log");
        cluster.wait_for(connect_port, "Spark Connect");
        cluster
    }

    fn wait_for(&self, port: u16, what: &str) {
        let started = std::time::Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed().as_secs() < 180, "{what} did not start; logs in {}", self._dir.path().display());
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // SAFETY: a plain signal to the cluster's own process group.
        unsafe {
            libc::kill(-self.group, libc::SIGKILL);
        }
    }
}

#[test]
fn a_check_runs_on_a_real_cluster_at_scale_with_the_truth_computed_there() {
    let _engine = spark_engine_alone();
    let root = Root::new();
    // The local engine's first check installs PySpark, whose distribution
    // the cluster runs from.
    let (code, _) = check_spark(&root, "revenue_by_city", &spark_fixture("rbc_broadcast"));
    assert_eq!(code, 0);
    let status: Value = serde_json::from_str(&stdout(&root.dekata(&["spark", "status", "--json"]))).unwrap();
    let folder = std::path::PathBuf::from(status["folder"].as_str().unwrap());
    let folder = if folder.is_absolute() { folder } else { root.path().join(folder) };
    let venv = std::fs::read_dir(folder.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("pyspark-") && p.join("bin/python").exists())
        .max()
        .expect("PySpark's environment");
    let spark_home = walkdir::WalkDir::new(venv.join("lib"))
        .max_depth(4)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .find(|p| p.ends_with("site-packages/pyspark") && p.join("bin/spark-class").exists())
        .expect("PySpark's distribution");
    let cluster = Cluster::start(&spark_home, &venv.join("bin/python"));
    let remote = format!("sc://127.0.0.1:{}", cluster.connect_port);

    // Each case's sales three times over, on the cluster; the reference
    // runs there too.
    let broadcast = spark_fixture("rbc_broadcast");
    let args = ["--remote", remote.as_str(), "--scale", "3", "--solution", broadcast.to_str().unwrap()];
    let (code, report) = check_json(root.path(), "revenue_by_city", &args);
    assert_eq!(code, 0, "{report:#}");
    let day = case(&report, "a-day-of-sales");
    assert!(day["plan"].as_str().unwrap().contains("BroadcastHashJoin"), "{day:#}");
    assert!(day["plan"].as_str().unwrap().contains("180,000"), "the probe side is not three times the sales: {day:#}");

    // The shuffled join is rejected on the cluster as on the engine.
    let plain = spark_fixture("rbc_plain_join");
    let args = ["--remote", remote.as_str(), "--scale", "3", "--solution", plain.to_str().unwrap()];
    let (code, report) = check_json(root.path(), "revenue_by_city", &args);
    assert_eq!(code, 1);
    assert_eq!(case(&report, "a-day-of-sales")["verdict"], "plan_rejected", "{report:#}");

    // The rows each shuffle's partitions received are read from the
    // driver's monitoring API. Not found at Spark's default ports, it is
    // asked for, not guessed.
    let reference = kata_file("clicks_by_plan", "reference.py");
    let out = root.dekata(&["check", "clicks_by_plan", "--remote", &remote, "--solution", reference.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--remote-ui http://HOST:PORT"), "{}", stderr(&out));
    // Given, the salted reference passes at scale, and a plain join sends
    // the hot user's rows to one partition on the cluster too.
    let ui = format!("http://127.0.0.1:{}", cluster.ui_port);
    let skew = ["--remote", remote.as_str(), "--remote-ui", ui.as_str(), "--scale", "2", "--solution"];
    let (code, report) =
        check_json(root.path(), "clicks_by_plan", &[&skew[..], &[reference.to_str().unwrap()]].concat());
    assert_eq!(code, 0, "{report:#}");
    let hot = case(&report, "one-hot-user");
    assert!(hot["plan"].as_str().unwrap().contains("shuffle read by stage"), "{hot:#}");
    let unsalted = kata_file("clicks_by_plan", "mutants/unsalted.py");
    let (code, report) =
        check_json(root.path(), "clicks_by_plan", &[&skew[..], &[unsalted.to_str().unwrap()]].concat());
    assert_eq!(code, 1, "{report:#}");
    let hot = case(&report, "one-hot-user");
    assert_eq!(hot["verdict"], "plan_rejected", "{hot:#}");
    let said = hot["message"].as_str().unwrap();
    assert!(said.contains("skew: the shuffle read by stage") && said.contains("on the cluster"), "{said}");

    // Everything of the cluster listened on loopback only.
    for address in listening_sockets_of_group(cluster.group) {
        let host = address.split(':').next().unwrap();
        assert!(
            ["0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"].contains(&host),
            "the cluster listens beyond loopback: {address}"
        );
    }
    let out = root.dekata(&["spark", "stop"]);
    assert!(out.status.success());
    drop(cluster);
    assert_nothing_left(&root);
}
