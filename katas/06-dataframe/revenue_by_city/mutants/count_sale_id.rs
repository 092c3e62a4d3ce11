//! expect: wrong_answer
//! Counts the sales with count(sale_id): count of a column skips its nulls,
//! so a sale whose sale_id is null is not counted.
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
    sales.join(stores, JoinType::Inner, &["store_id"], &["store_id"], None)?.aggregate(
        vec![col("stores.city").alias("city")],
        vec![count(col("sale_id")).alias("sales"), sum(col("amount_cents")).alias("revenue_cents")],
    )
}
