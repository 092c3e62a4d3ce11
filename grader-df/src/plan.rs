//! Reading an executed physical plan: its joins (and how each was run) and
//! its hash repartitions (and the rows each partition received).

use datafusion::physical_plan::joins::{HashJoinExec, NestedLoopJoinExec, SortMergeJoinExec, CrossJoinExec};
use datafusion::physical_plan::repartition::RepartitionExec;
use datafusion::error::Result;
use datafusion::execution::TaskContext;
use datafusion::physical_plan::{
    ChildrenPropertiesMode, ExecutionPlan, Partitioning, ReplaceChildrenOptions, collect_partitioned, displayable,
};
use harness::protocol::{JoinSeen, PlanReport, RepartitionSeen};
use std::sync::Arc;

/// What the executed `plan` did. Each hash repartition's rows per partition
/// are counted by running the repartition again on its own, every output
/// partition drained: the metrics of the run itself miss the rows of a
/// partition nobody polled (a hash join reads no probe rows for a
/// partition whose build side is empty).
pub async fn observe(plan: &Arc<dyn ExecutionPlan>, target_partitions: usize, task: Arc<TaskContext>) -> Result<PlanReport> {
    let mut report = PlanReport {
        text: displayable(plan.as_ref()).indent(false).to_string(),
        target_partitions: target_partitions as u64,
        graded_partitions: crate::PARTITIONS as u64,
        ..Default::default()
    };
    let mut repartitions = Vec::new();
    walk(plan, &mut report, &mut repartitions);
    for (seen, node) in report.repartitions.iter_mut().zip(repartitions) {
        seen.partitions = recount(&node, Arc::clone(&task)).await?;
    }
    Ok(report)
}

/// Rows per output partition of a fresh copy of a hash repartition (its
/// whole input rebuilt too: operators keep the state of their one run).
async fn recount(node: &RepartitionExec, task: Arc<TaskContext>) -> Result<Vec<u64>> {
    let input = fresh(node.input())?;
    let copy = RepartitionExec::try_new(input, node.partitioning().clone())?;
    let batches = collect_partitioned(Arc::new(copy), task).await?;
    Ok(batches.iter().map(|p| p.iter().map(|b| b.num_rows() as u64).sum()).collect())
}

/// A copy of `plan` with every operator rebuilt from its children, so that
/// it runs again from scratch.
fn fresh(plan: &Arc<dyn ExecutionPlan>) -> Result<Arc<dyn ExecutionPlan>> {
    let children = plan.children();
    if children.is_empty() {
        return Ok(Arc::clone(plan));
    }
    let rebuilt = children.into_iter().map(fresh).collect::<Result<Vec<_>>>()?;
    Arc::clone(plan).replace_children(rebuilt, ReplaceChildrenOptions::new(ChildrenPropertiesMode::Keep))
}

fn walk(plan: &Arc<dyn ExecutionPlan>, report: &mut PlanReport, repartitions: &mut Vec<RepartitionExec>) {
    if let Some(join) = plan.downcast_ref::<HashJoinExec>() {
        report.joins.push(JoinSeen {
            mode: format!("{:?}", join.partition_mode()),
            on: keys(join.on()),
            build_rows: metric(plan, "build_input_rows"),
            probe_rows: metric(plan, "input_rows"),
        });
    } else if let Some(join) = plan.downcast_ref::<SortMergeJoinExec>() {
        report.joins.push(JoinSeen {
            mode: "SortMergeJoin".into(),
            on: keys(join.on()),
            build_rows: child_rows(plan, 0),
            probe_rows: child_rows(plan, 1),
        });
    } else if plan.is::<NestedLoopJoinExec>() || plan.is::<CrossJoinExec>() {
        // Both collect their left side whole, like a broadcast.
        let counted = |name: &str, child: usize| match metric(plan, name) {
            0 => child_rows(plan, child),
            n => n,
        };
        report.joins.push(JoinSeen {
            mode: plan.name().to_string(),
            on: String::new(),
            build_rows: counted("build_input_rows", 0),
            probe_rows: counted("input_rows", 1),
        });
    }
    if let Some(repartition) = plan.downcast_ref::<RepartitionExec>()
        && let Partitioning::Hash(exprs, n) = repartition.partitioning()
    {
        let on = exprs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", ");
        report.repartitions.push(RepartitionSeen { on, partitions: vec![0; *n], stage: None });
        repartitions.push(repartition.clone());
    }
    for child in plan.children() {
        walk(child, report, repartitions);
    }
}

fn keys(on: &[(datafusion::physical_expr::PhysicalExprRef, datafusion::physical_expr::PhysicalExprRef)]) -> String {
    on.iter().map(|(l, r)| format!("{l} = {r}")).collect::<Vec<_>>().join(", ")
}

/// The sum over partitions of one of a node's counters.
fn metric(plan: &Arc<dyn ExecutionPlan>, name: &str) -> u64 {
    plan.metrics().and_then(|m| m.sum_by_name(name)).map_or(0, |v| v.as_usize() as u64)
}

fn child_rows(plan: &Arc<dyn ExecutionPlan>, i: usize) -> u64 {
    plan.children().get(i).and_then(|c| c.metrics()).and_then(|m| m.output_rows()).unwrap_or(0) as u64
}
