//! expect: wrong_answer
//! Aggregates in two stages, sales per store and then the stores' cities,
//! but never adds the stores of one city together: one row per store, so a
//! city with several stores has several rows.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::{count, sum};
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn revenue_by_city(sales: DataFrame, stores: DataFrame) -> Result<DataFrame> {
    let (mut state, plan) = sales.into_parts();
    let optimizer = &mut state.config_mut().options_mut().optimizer;
    optimizer.hash_join_single_partition_threshold_rows = 10_000;
    optimizer.hash_join_single_partition_threshold = 16 * 1024 * 1024;
    let per_store = DataFrame::new(state, plan).aggregate(
        vec![col("store_id")],
        vec![count(lit(1)).alias("sales"), sum(col("amount_cents")).alias("revenue_cents")],
    )?;
    per_store.join(stores, JoinType::Inner, &["store_id"], &["store_id"], None)?.select(vec![
        col("stores.city").alias("city"),
        col("sales"),
        col("revenue_cents"),
    ])
}
