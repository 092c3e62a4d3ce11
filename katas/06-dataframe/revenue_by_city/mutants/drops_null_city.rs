//! expect: wrong_answer
//! Drops the stores whose city is null before the join: their sales vanish,
//! where they belong in a row whose city is null.
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
        .join(stores.filter(col("city").is_not_null())?, JoinType::Inner, &["store_id"], &["store_id"], None)?
        .aggregate(
            vec![col("stores.city").alias("city")],
            vec![count(lit(1)).alias("sales"), sum(col("amount_cents")).alias("revenue_cents")],
        )
}
