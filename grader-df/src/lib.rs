//! The engine side of a DataFrame kata's harness.
//!
//! A compiled DataFrame harness calls [`run`] for each side: the case's
//! generated tables become in-memory DataFusion tables, the side's function
//! builds its plan from them, and the plan runs with a fixed number of
//! partitions. The collected rows go to the sink as JSON objects (nulls as
//! nulls), and what the executed physical plan did (its joins and its hash
//! repartitions, from the plan's metrics) goes with them for the judge.
//!
//! One module per step: `session` fixes the engine's settings, `load` turns
//! generated rows into Arrow tables, `collect` turns result batches back
//! into rows, and `plan` reads the executed plan.

mod collect;
mod load;
mod plan;
mod session;

pub use datafusion;
pub use session::{PARTITIONS, session_config};

use datafusion::dataframe::DataFrame;
use datafusion::error::Result;
use harness::rust_worker::Input;
use harness::sink::Sink;
use std::sync::Arc;

/// Loads the input's tables, calls `query` with one DataFrame per table (in
/// the dataset's order), runs the plan it returns, and hands its rows and
/// plan to `out`. A query that returns an error, or whose plan fails to
/// run, panics with the engine's message: the harness reports it.
pub fn run<F>(input: Input, out: &mut Sink, query: F)
where
    F: FnOnce(Vec<DataFrame>) -> Result<DataFrame>,
{
    let tables = input.tables();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| panic!("dekata: cannot start the engine's runtime: {e}"));
    let ctx = session::context();
    let frames = load::frames(&ctx, &tables).unwrap_or_else(|e| panic!("dekata: cannot load the input tables: {e}"));
    let frame = query(frames).unwrap_or_else(|e| panic!("the query returned an error: {e}"));
    let (rows, report) = runtime
        .block_on(async {
            let physical = frame.create_physical_plan().await?;
            let task = Arc::new(frame.task_ctx());
            let partitions = task.session_config().target_partitions();
            let batches = datafusion::physical_plan::collect(Arc::clone(&physical), Arc::clone(&task)).await?;
            let report = plan::observe(&physical, partitions, task).await?;
            Ok::<_, datafusion::error::DataFusionError>((batches, report))
        })
        .unwrap_or_else(|e| panic!("the plan failed to run: {e}"));
    collect::rows(&rows, out);
    out.plan(report);
}
