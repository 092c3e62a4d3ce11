//! expect: wrong_answer
//! Joins the primary methods on customer_id alone: a customer with primary
//! methods in two regions gets each region's row twice (fan-out), and a
//! region borrows another region's method.
use datafusion::error::Result;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::{ExprFunctionExt, JoinType};
use datafusion::prelude::*;

pub fn latest_order_payment(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    let key = || vec![col("customer_id"), col("region")];
    let latest = orders
        .with_column(
            "rank",
            row_number()
                .partition_by(key())
                .order_by(vec![col("order_ts").sort(false, false), col("order_id").sort(false, false)])
                .build()?,
        )?
        .filter(col("rank").eq(lit(1)))?
        .select(vec![col("customer_id"), col("region"), col("order_id"), col("order_ts")])?;
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
        .select(vec![col("customer_id").alias("pay_customer_id"), col("method").alias("primary_method")])?;
    latest
        .join(primary, JoinType::Left, &["customer_id"], &["pay_customer_id"], None)?
        .select(vec![col("customer_id"), col("region"), col("order_id"), col("order_ts"), col("primary_method")])
}
