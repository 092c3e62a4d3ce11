//! expect: plan_rejected
//! Salts with user_id % 16: the salt is the same for every click of one
//! user, so the hot user's clicks still share one key and one partition.
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
        Arc::new(Int64Array::from_iter_values(0..SALTS)) as ArrayRef,
    )])?)?;
    let salt = col("user_id") % lit(SALTS);
    let clicks = clicks.with_column("salted_key", col("user_id") * lit(SALTS) + salt)?;
    let users = salts
        .join(users, JoinType::Inner, &[], &[], None)?
        .with_column("salted_key", col("user_id") * lit(SALTS) + col("salt"))?
        .select(vec![col("salted_key").alias("user_key"), col("plan")])?;
    clicks
        .join(users, JoinType::Inner, &["salted_key"], &["user_key"], None)?
        .aggregate(vec![col("plan")], vec![count(lit(1)).alias("clicks")])
}
