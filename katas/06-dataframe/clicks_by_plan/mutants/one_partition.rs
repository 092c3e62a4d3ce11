//! expect: plan_rejected
//! Hides the skew by running the whole plan on one partition: no shuffle,
//! no hot partition, and no parallelism either.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn clicks_by_plan(clicks: DataFrame, users: DataFrame) -> Result<DataFrame> {
    let (mut state, plan) = clicks.into_parts();
    state.config_mut().options_mut().execution.target_partitions = 1;
    DataFrame::new(state, plan)
        .join(users, JoinType::Inner, &["user_id"], &["user_id"], None)?
        .aggregate(vec![col("plan")], vec![count(lit(1)).alias("clicks")])
}
