//! A PySpark run, judged on dekata's engine rather than in the learner's
//! worker: the engine opens a fresh session with the run's tables, the
//! worker calls the solution there and returns only the plan of its
//! DataFrame, and the engine (with the worker paused, so nothing it does
//! after returning can change what is judged) executes that plan and reads
//! the rows and the executed plan.

use crate::compile::SparkSession;
use crate::process::death::{Death, Exit};
use crate::spark::engine::{self, Engine, Failure};
use crate::worker::Feed;
use anyhow::{Context, Result};
use harness::protocol::{FeedLine, Input, Outcome, PlanReport, Problem, RunRequest, SparkRun};
use serde_json::{Value, json};
use std::time::Duration;

/// A run's session on the engine, closed when dropped.
pub struct Opened {
    engine: Engine,
    pub run: SparkRun,
}

impl Drop for Opened {
    fn drop(&mut self) {
        let _ = self.engine.call(&json!({"op": "close", "session": self.run.session}), Duration::from_secs(30));
    }
}

/// The serving engine (started if need be) for `spark`. A cluster's
/// engine must have found the driver's monitoring API if the kata counts
/// the rows of shuffles' partitions: the cluster's query metrics do not
/// tell them.
pub fn engine(spark: &SparkSession) -> Result<Engine> {
    let engine = engine::ensure(&spark.engine, &spark.runtime)?;
    if spark.count_partitions
        && let Some(remote) = &spark.engine.remote
        && engine.state.ui.is_none()
    {
        let tried = engine.state.ui_tried.join(", ");
        return Err(crate::error::BadRequest::new(
            NO_MONITORING_API.replace("{remote}", &remote.url).replace("{tried}", &tried),
        )
        .into());
    }
    Ok(engine)
}

/// Said when a kata with a skew rule is checked on a cluster whose
/// driver's monitoring API was not found.
const NO_MONITORING_API: &str = "this kata judges the rows each partition of each shuffle receives, which dekata \
reads from the cluster driver's monitoring API (its web UI's REST API); none serving the application of {remote} \
answered at {tried}. Give its address with --remote-ui http://HOST:PORT (or DEKATA_SPARK_REMOTE_UI), or check \
this kata without --remote";

/// The records the feeder would have sent the worker: they go to the
/// engine instead.
pub fn gather(feed: Option<Feed>) -> Result<Vec<Value>> {
    let mut records: Vec<Value> = Vec::new();
    if let Some(feed) = feed {
        let Feed::Push(feed) = feed else { anyhow::bail!("a DataFrame kata's tables are fed whole, not pulled") };
        let mut bytes: Vec<u8> = Vec::new();
        feed(&mut |line: &[u8]| {
            bytes.extend_from_slice(line);
            Ok(())
        })
        .context("cannot gather the run's tables")?;
        // One copy of the input is all a DataFrame kata reads.
        for line in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            match serde_json::from_slice::<FeedLine>(line).context("a feed line that is not one")? {
                FeedLine::Batch(batch) => records.extend(batch),
                // Tables are never chunked.
                FeedLine::Cut => {}
                FeedLine::End => break,
            }
        }
    }
    Ok(records)
}

/// Opens the run's session with its tables; the request tells the worker
/// the session and sends it no records.
pub fn open(engine: Engine, spark: &SparkSession, request: &mut RunRequest, records: Vec<Value>) -> Result<Opened> {
    if let Input::Feed { feeds, .. } = &mut request.input {
        *feeds = 0;
    }
    let mut asked = json!({
        "op": "open",
        "tables": spark.tables,
        "settings": spark.settings,
        "count_partitions": spark.count_partitions,
    });
    // dekata's own engine opens the session on tables dekata wrote; a
    // cluster's is sent the records.
    let written = match &engine.state.inputs {
        Some(inputs) => {
            let folder = write_tables(inputs, &spark.tables, &records)?;
            asked["folder"] = json!(folder);
            Some(folder)
        }
        None => {
            asked["records"] = Value::Array(records);
            None
        }
    };
    let answer = engine.call(&asked, Duration::from_secs(120)).map_err(|f| anyhow::anyhow!(gone(&f)));
    if let Some(folder) = written.filter(|_| !matches!(&answer, Ok(a) if a.get("session").is_some())) {
        let _ = std::fs::remove_dir_all(folder);
    }
    let answer = answer?;
    let run: SparkRun = serde_json::from_value(answer.clone())
        .with_context(|| format!("the Spark engine could not open a session: {answer}"))?;
    request.spark = Some(run.clone());
    Ok(Opened { engine, run })
}

/// Closes the run's session to the worker, whose plan was handed over: it
/// may go on to its next run while this one is judged, and nothing it sends
/// reaches this session. False when the engine cannot (a cluster's, which
/// the worker reaches directly): the worker is then paused instead.
pub fn seal(opened: &Opened) -> bool {
    let asked = json!({"op": "seal", "session": opened.run.session});
    matches!(opened.engine.call(&asked, Duration::from_secs(30)), Ok(answer) if answer["sealed"] == true)
}

/// A judgement under way on a thread of its own; the run's session is
/// closed when it ends.
pub struct Judging(std::thread::JoinHandle<(Judged, Duration)>);

impl Judging {
    /// Starts judging `relation` in `opened`'s session within `wait`.
    pub fn start(opened: Opened, relation: String, wait: Duration) -> Judging {
        Judging(std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let judged = judge(&opened, &relation, wait);
            (judged, started.elapsed())
        }))
    }

    /// The judgement, once made, and how long it took.
    pub fn wait(self) -> (Judged, Duration) {
        self.0.join().unwrap_or_else(|_| {
            (Judged::Died(death(Exit::Code(ENGINE_ENDED), Duration::ZERO, format!("dekata: {ENDED}"))), Duration::ZERO)
        })
    }
}

/// Writes a run's tables into a new folder under the engine's `inputs`:
/// one file per table (`NAME.json`), a JSON object per row and line.
fn write_tables(inputs: &std::path::Path, tables: &Value, records: &[Value]) -> Result<std::path::PathBuf> {
    use std::io::Write;
    static WRITTEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITTEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let folder = inputs.join(format!(".dekata-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot create {}", folder.display()))?;
    let mut files = std::collections::BTreeMap::new();
    for table in tables.as_array().into_iter().flatten() {
        let name = table["name"].as_str().context("a table without a name")?;
        let path = folder.join(format!("{name}.json"));
        let file = std::fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        files.insert(name.to_string(), (path, std::io::BufWriter::new(file)));
    }
    for record in records {
        let table = record["table"].as_str().unwrap_or_default();
        let (path, out) = files.get_mut(table).with_context(|| format!("a row of no table of the kata: {table}"))?;
        serde_json::to_writer(&mut *out, &record["row"]).with_context(|| format!("cannot write {}", path.display()))?;
        out.write_all(b"\n").with_context(|| format!("cannot write {}", path.display()))?;
    }
    for (path, mut out) in files.into_values() {
        out.flush().with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(folder)
}

/// What the engine's judgement of a returned plan gave.
pub enum Judged {
    /// The rows, the executed plan, and what the rows alone cannot show.
    Rows { rows: Vec<Value>, plan: PlanReport, problems: Vec<Problem> },
    /// The query failed in Spark (an error of the solution's plan).
    Failed(Outcome),
    /// The engine could not finish it: out of heap, out of time.
    Died(Death),
    /// The engine ended under it, maybe for another run's query: the run
    /// is made again on a new engine.
    EngineEnded(Death),
}

/// What is said when a run is made again on a new engine.
pub const AGAIN: &str = "dekata: the Spark engine ended during a query; running the case again on a new one.";

/// Executes the plan `relation` in the run's session, within `wait`.
pub fn judge(opened: &Opened, relation: &str, wait: Duration) -> Judged {
    let asked = json!({"op": "judge", "session": opened.run.session, "relation": relation});
    let started = std::time::Instant::now();
    let answer = match opened.engine.call(&asked, wait) {
        Ok(answer) => answer,
        Err(Failure::TimedOut) => {
            let _ =
                opened.engine.call(&json!({"op": "cancel", "session": opened.run.session}), Duration::from_secs(30));
            return Judged::Died(death(Exit::TimedOut, started.elapsed(), String::new()));
        }
        Err(failure) => return Judged::EngineEnded(death(Exit::Code(ENGINE_ENDED), started.elapsed(), gone(&failure))),
    };
    if let Some(failed) = answer.get("failed") {
        let message = failed["message"].as_str().unwrap_or_default().to_string();
        return match failed["kind"].as_str() {
            Some("out_of_memory") => {
                let mut d = death(Exit::Code(OUT_OF_MEMORY), started.elapsed(), String::new());
                d.out_of_memory = Some(0);
                d.engine_heap_mib = failed["heap_mib"].as_u64();
                // The whole engine ended: maybe for another run's query.
                if failed["engine_ended"] == true { Judged::EngineEnded(d) } else { Judged::Died(d) }
            }
            Some("query") => Judged::Failed(Outcome::Panicked { message: shorten(&message), location: String::new() }),
            _ => {
                let d = death(Exit::Code(ENGINE_ENDED), started.elapsed(), format!("dekata: {ENDED}: {message}"));
                // Alone on the engine, the run's own query ended it.
                if failed["engine_ended"] == false { Judged::Died(d) } else { Judged::EngineEnded(d) }
            }
        };
    }
    let parsed = (|| -> Result<Judged> {
        Ok(Judged::Rows {
            rows: serde_json::from_value(answer["rows"].clone())?,
            plan: serde_json::from_value(answer["plan"].clone())?,
            problems: serde_json::from_value(answer["problems"].clone())?,
        })
    })();
    parsed.unwrap_or_else(|e| {
        Judged::Died(death(Exit::Code(ENGINE_ENDED), started.elapsed(), format!("dekata: {ENDED}: {e}: {answer}")))
    })
}

/// The status a run is given when the engine ended under it.
const ENGINE_ENDED: i32 = 71;
/// ...and when its heap ran out.
const OUT_OF_MEMORY: i32 = 70;

const ENDED: &str = "the Spark engine ended during the query";

fn gone(failure: &Failure) -> String {
    match failure {
        Failure::TimedOut => "the Spark engine did not answer in time".to_string(),
        Failure::Gone(why) => format!("{ENDED} ({why})"),
    }
}

fn death(exit: Exit, wall: Duration, stderr: String) -> Death {
    Death {
        exit,
        out_of_memory: None,
        engine_heap_mib: None,
        garbled: None,
        stderr,
        wall,
        stack_overflow: false,
        worker_broken: false,
    }
}

/// The longest message of a failed query a report carries.
const MESSAGE_CHARS: usize = 600;

fn shorten(message: &str) -> String {
    if message.chars().count() <= MESSAGE_CHARS {
        return message.to_string();
    }
    let cut: String = message.chars().take(MESSAGE_CHARS).collect();
    format!("{} [...]", cut.trim_end())
}
