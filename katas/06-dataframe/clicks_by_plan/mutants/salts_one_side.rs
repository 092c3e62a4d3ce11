//! expect: wrong_answer
//! Salts the clicks but not the users: each user keeps one row, salt 0, so
//! fifteen clicks in sixteen find no user and are lost.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

const SALTS: i64 = 16;

pub fn clicks_by_plan(clicks: DataFrame, users: DataFrame) -> Result<DataFrame> {
    let clicks = clicks.with_column(
        "salted_key",
        col("user_id") * lit(SALTS) + coalesce(vec![col("click_id") % lit(SALTS), lit(0i64)]),
    )?;
    let users = users.select(vec![(col("user_id") * lit(SALTS)).alias("user_key"), col("plan")])?;
    clicks
        .join(users, JoinType::Inner, &["salted_key"], &["user_key"], None)?
        .aggregate(vec![col("plan")], vec![count(lit(1)).alias("clicks")])
}
