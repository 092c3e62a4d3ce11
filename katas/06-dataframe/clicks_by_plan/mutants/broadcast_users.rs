//! expect: plan_rejected
//! Dodges the shuffle by broadcasting users: twenty thousand rows, twice
//! the memory budget for a broadcast table.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn clicks_by_plan(clicks: DataFrame, users: DataFrame) -> Result<DataFrame> {
    let (mut state, plan) = clicks.into_parts();
    let optimizer = &mut state.config_mut().options_mut().optimizer;
    optimizer.hash_join_single_partition_threshold_rows = 1_000_000;
    optimizer.hash_join_single_partition_threshold = 256 * 1024 * 1024;
    DataFrame::new(state, plan)
        .join(users, JoinType::Inner, &["user_id"], &["user_id"], None)?
        .aggregate(vec![col("plan")], vec![count(lit(1)).alias("clicks")])
}
