use datafusion::error::Result;
use datafusion::logical_expr::{JoinType, Operator};
use datafusion::prelude::*;

pub fn orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    // Each (customer, region, method) once, the payments' keys renamed so
    // that the two sides' names stay apart after the join.
    let methods = payments
        .select(vec![col("customer_id").alias("pay_customer_id"), col("region").alias("pay_region"), col("method")])?
        .distinct()?;
    orders
        .join_on(
            methods,
            // A left join: an order no payment matches keeps its row.
            JoinType::Left,
            [
                // `=`: a null customer_id is nobody and matches nothing.
                col("customer_id").eq(col("pay_customer_id")),
                // IS NOT DISTINCT FROM: a null region meets a null region,
                // and only a null one. The optimizer hashes on customer_id
                // and checks this as the join's filter.
                binary_expr(col("region"), Operator::IsNotDistinctFrom, col("pay_region")),
            ],
        )?
        .select(vec![col("order_id"), col("customer_id"), col("region"), col("method")])
}
