//! expect: wrong_answer
//! Reads an unknown region as "could be anywhere": a null region on either
//! side matches every region of the customer.
use datafusion::error::Result;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    let methods = payments
        .select(vec![col("customer_id").alias("pay_customer_id"), col("region").alias("pay_region"), col("method")])?
        .distinct()?;
    let region_matches =
        col("region").eq(col("pay_region")).or(col("region").is_null()).or(col("pay_region").is_null());
    orders
        .join_on(methods, JoinType::Left, [col("customer_id").eq(col("pay_customer_id")), region_matches])?
        .select(vec![col("order_id"), col("customer_id"), col("region"), col("method")])?
        .distinct()
}
