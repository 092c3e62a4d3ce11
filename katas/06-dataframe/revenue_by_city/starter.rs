use datafusion::error::Result;
use datafusion::prelude::*;

/// One row per city: city, sales, revenue_cents. The join must broadcast
/// `stores`.
pub fn revenue_by_city(sales: DataFrame, stores: DataFrame) -> Result<DataFrame> {
    todo!("join sales to stores (broadcasting stores), then total per city")
}
