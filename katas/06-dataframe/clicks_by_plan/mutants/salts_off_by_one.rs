//! expect: wrong_answer
//! Numbers the users' salts 1 to 16 while the clicks' run 0 to 15: a click
//! whose salt is 0 finds no user and is lost.
use datafusion::arrow::array::{ArrayRef, Int64Array};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;
use std::sync::Arc;

const SALTS: i64 = 16;

pub fn clicks_by_plan(clicks: DataFrame, users: DataFrame) -> Result<DataFrame> {
    let (state, plan) = clicks.into_parts();
    let ctx = SessionContext::new_with_state(state.clone());
    let clicks = DataFrame::new(state, plan);
    let salts = ctx.read_batch(RecordBatch::try_from_iter(vec![(
        "salt",
        Arc::new(Int64Array::from_iter_values(1..=SALTS)) as ArrayRef,
    )])?)?;
    let salt = coalesce(vec![col("click_id") % lit(SALTS), lit(0i64)]);
    let clicks = clicks.with_column("salted_key", col("user_id") * lit(SALTS) + salt)?;
    let users = salts
        .join(users, JoinType::Inner, &[], &[], None)?
        .with_column("salted_key", col("user_id") * lit(SALTS) + col("salt"))?
        .select(vec![col("salted_key").alias("user_key"), col("plan")])?;
    clicks
        .join(users, JoinType::Inner, &["salted_key"], &["user_key"], None)?
        .aggregate(vec![col("plan")], vec![count(lit(1)).alias("clicks")])
}
