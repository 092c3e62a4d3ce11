//! expect: wrong_answer
//! Cleans the sales first, dropping those whose amount_cents is null: they
//! add nothing to the revenue, but they are still sales.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::{count, sum};
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn revenue_by_city(sales: DataFrame, stores: DataFrame) -> Result<DataFrame> {
    let (mut state, plan) = sales.into_parts();
    let optimizer = &mut state.config_mut().options_mut().optimizer;
    optimizer.hash_join_single_partition_threshold_rows = 10_000;
    optimizer.hash_join_single_partition_threshold = 16 * 1024 * 1024;
    let sales = DataFrame::new(state, plan).filter(col("amount_cents").is_not_null())?;
    sales.join(stores, JoinType::Inner, &["store_id"], &["store_id"], None)?.aggregate(
        vec![col("stores.city").alias("city")],
        vec![count(lit(1)).alias("sales"), sum(col("amount_cents")).alias("revenue_cents")],
    )
}
