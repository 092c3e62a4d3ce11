//! expect: wrong_answer
//! Leaves the sum without an alias: its column comes out as
//! `sum(sales.amount_cents)`, not `revenue_cents`.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::{count, sum};
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn revenue_by_city(sales: DataFrame, stores: DataFrame) -> Result<DataFrame> {
    let (mut state, plan) = sales.into_parts();
    let optimizer = &mut state.config_mut().options_mut().optimizer;
    optimizer.hash_join_single_partition_threshold_rows = 10_000;
    optimizer.hash_join_single_partition_threshold = 16 * 1024 * 1024;
    let sales = DataFrame::new(state, plan);
    sales
        .join(stores, JoinType::Inner, &["store_id"], &["store_id"], None)?
        .aggregate(vec![col("stores.city").alias("city")], vec![count(lit(1)).alias("sales"), sum(col("amount_cents"))])
}
