//! expect: wrong_answer
//! Takes max(order_id) and max(order_ts) per key in one aggregate: each
//! maximum comes from its own row, so the order_id is the key's greatest,
//! not the latest order's.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::max;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::{ExprFunctionExt, JoinType};
use datafusion::prelude::*;

pub fn latest_order_payment(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    let key = || vec![col("customer_id"), col("region")];
    let latest = orders
        .aggregate(key(), vec![max(col("order_id")).alias("order_id"), max(col("order_ts")).alias("order_ts")])?;
    let primary = payments
        .filter(col("is_primary").is_true())?
        .with_column(
            "rank",
            row_number()
                .partition_by(key())
                .order_by(vec![col("added_ts").sort(false, false), col("method").sort(true, false)])
                .build()?,
        )?
        .filter(col("rank").eq(lit(1)))?
        .select(vec![
            col("customer_id").alias("pay_customer_id"),
            col("region").alias("pay_region"),
            col("method").alias("primary_method"),
        ])?;
    latest
        .join(primary, JoinType::Left, &["customer_id", "region"], &["pay_customer_id", "pay_region"], None)?
        .select(vec![col("customer_id"), col("region"), col("order_id"), col("order_ts"), col("primary_method")])
}
