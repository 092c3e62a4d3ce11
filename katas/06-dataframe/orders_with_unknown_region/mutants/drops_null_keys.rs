//! expect: wrong_answer
//! "Cleans" both tables first, dropping every row whose customer_id or
//! region is null: the orders with an unknown region or customer vanish.
use datafusion::error::Result;
use datafusion::logical_expr::JoinType;
use datafusion::prelude::*;

pub fn orders_with_unknown_region(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    let known = || col("customer_id").is_not_null().and(col("region").is_not_null());
    let methods = payments
        .filter(known())?
        .select(vec![col("customer_id").alias("pay_customer_id"), col("region").alias("pay_region"), col("method")])?
        .distinct()?;
    orders
        .filter(known())?
        .join(methods, JoinType::Left, &["customer_id", "region"], &["pay_customer_id", "pay_region"], None)?
        .select(vec![col("order_id"), col("customer_id"), col("region"), col("method")])
}
