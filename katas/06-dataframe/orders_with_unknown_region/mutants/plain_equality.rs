//! expect: wrong_answer
//! Joins on both keys with `=`: NULL = NULL is not true, so an order whose
//! region is unknown never meets its customer's unknown-region methods.
use datafusion::error::Result;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    let methods = payments
        .select(vec![col("customer_id").alias("pay_customer_id"), col("region").alias("pay_region"), col("method")])?
        .distinct()?;
    orders
        .join(methods, JoinType::Left, &["customer_id", "region"], &["pay_customer_id", "pay_region"], None)?
        .select(vec![col("order_id"), col("customer_id"), col("region"), col("method")])
}
