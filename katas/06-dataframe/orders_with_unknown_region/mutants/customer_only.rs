//! expect: wrong_answer
//! Joins on customer_id alone: every order gets all of its customer's
//! payment methods, whatever their region.
use datafusion::error::Result;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    let methods = payments
        .select(vec![col("customer_id").alias("pay_customer_id"), col("method")])?
        .distinct()?;
    orders
        .join_on(methods, JoinType::Left, [col("customer_id").eq(col("pay_customer_id"))])?
        .select(vec![col("order_id"), col("customer_id"), col("region"), col("method")])
}

