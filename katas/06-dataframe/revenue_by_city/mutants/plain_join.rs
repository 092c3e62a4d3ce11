//! expect: plan_rejected
//! Joins without asking for a broadcast: the engine shuffles both sides,
//! sixty thousand sales included, to join them with two hundred stores.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::{count, sum};
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn revenue_by_city(sales: DataFrame, stores: DataFrame) -> Result<DataFrame> {
    sales
        .join(stores, JoinType::Inner, &["store_id"], &["store_id"], None)?
        .aggregate(
            vec![col("stores.city").alias("city")],
            vec![count(lit(1)).alias("sales"), sum(col("amount_cents")).alias("revenue_cents")],
        )
}
