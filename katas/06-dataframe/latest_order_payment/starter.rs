use datafusion::error::Result;
use datafusion::prelude::*;

/// One row per (customer_id, region) with an order: customer_id, region,
/// order_id, order_ts, primary_method.
pub fn latest_order_payment(orders: DataFrame, payments: DataFrame) -> Result<DataFrame> {
    todo!("the latest order and the primary payment method per customer and region")
}
