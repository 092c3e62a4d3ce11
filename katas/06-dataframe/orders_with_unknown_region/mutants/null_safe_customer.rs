//! expect: wrong_answer
//! IS NOT DISTINCT FROM on both keys: the orders without a customer meet
//! the payments without one, as if nobody were one customer.
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
                binary_expr(col("customer_id"), Operator::IsNotDistinctFrom, col("pay_customer_id")),
                binary_expr(col("region"), Operator::IsNotDistinctFrom, col("pay_region")),
            ],
        )?
        .select(vec![col("order_id"), col("customer_id"), col("region"), col("method")])
}
