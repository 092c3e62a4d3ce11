//! expect: plan_rejected
//! Dodges the shuffle of the clicks by broadcasting the per-user totals and
//! joining them to every click: fine for a thousand users, over the budget
//! when there are tens of thousands.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let (mut state, plan) = clicks.into_parts();
    let optimizer = &mut state.config_mut().options_mut().optimizer;
    optimizer.hash_join_single_partition_threshold_rows = 1_000_000;
    optimizer.hash_join_single_partition_threshold = 256 * 1024 * 1024;
    let clicks = DataFrame::new(state, plan).filter(col("user_id").is_not_null())?;
    let totals = clicks
        .clone()
        .aggregate(vec![col("user_id")], vec![count(lit(1)).alias("user_clicks")])?
        .select(vec![col("user_id").alias("total_user_id"), col("user_clicks")])?;
    totals
        .join(clicks, JoinType::Inner, &["total_user_id"], &["user_id"], None)?
        .aggregate(vec![col("user_id"), col("page"), col("user_clicks")], vec![count(lit(1)).alias("clicks")])?
        .filter(col("page").is_not_null())
}
