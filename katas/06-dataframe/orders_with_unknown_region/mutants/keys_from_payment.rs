//! expect: wrong_answer
//! Returns the payment's customer_id and region: on an order no payment
//! matches, both come out null.
use datafusion::error::Result;
use datafusion::logical_expr::{JoinType, Operator};
use datafusion::prelude::*;

pub fn orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    let methods = payments
        .select(vec![col("customer_id").alias("pay_customer_id"), col("region").alias("pay_region"), col("method")])?
        .distinct()?;
    orders
        .join_on(
            methods,
            JoinType::Left,
            [
                col("customer_id").eq(col("pay_customer_id")),
                binary_expr(col("region"), Operator::IsNotDistinctFrom, col("pay_region")),
            ],
        )?
        .select(vec![
            col("order_id"),
            col("pay_customer_id").alias("customer_id"),
            col("pay_region").alias("region"),
            col("method"),
        ])
}
