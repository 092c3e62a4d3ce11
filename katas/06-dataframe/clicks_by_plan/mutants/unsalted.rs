//! expect: plan_rejected
//! Joins on user_id as it is: the engine hash-partitions the clicks by
//! user, and the hot user's clicks all land on one partition.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn clicks_by_plan(clicks: DataFrame, users: DataFrame) -> Result<DataFrame> {
    clicks
        .join(users, JoinType::Inner, &["user_id"], &["user_id"], None)?
        .aggregate(vec![col("plan")], vec![count(lit(1)).alias("clicks")])
}
