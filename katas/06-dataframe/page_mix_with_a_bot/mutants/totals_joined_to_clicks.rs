//! expect: plan_rejected
//! Counts each user's clicks first, as it should, then joins those totals
//! back to the clicks themselves on user_id: the join repartitions every
//! click on user_id, and the bot's all land on one partition.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let clicks = clicks.filter(col("user_id").is_not_null())?;
    let totals = clicks
        .clone()
        .aggregate(vec![col("user_id")], vec![count(lit(1)).alias("user_clicks")])?
        .select(vec![col("user_id").alias("total_user_id"), col("user_clicks")])?;
    clicks
        .join(totals, JoinType::Inner, &["user_id"], &["total_user_id"], None)?
        .aggregate(vec![col("user_id"), col("page"), col("user_clicks")], vec![count(lit(1)).alias("clicks")])?
        .filter(col("page").is_not_null())
}
