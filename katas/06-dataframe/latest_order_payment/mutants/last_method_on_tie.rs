//! expect: wrong_answer
//! Breaks a tie on added_ts towards the alphabetically last method: both
//! columns sorted descending, out of habit.
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
                .order_by(vec![col("added_ts").sort(false, false), col("method").sort(false, false)])
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
