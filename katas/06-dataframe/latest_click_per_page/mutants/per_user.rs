//! expect: wrong_answer
//! Partitions the window by user_id alone: each user gets one row, their
//! latest click on any page, where each of their pages should get one.
use datafusion::error::Result;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    let newest_first = row_number()
        .partition_by(vec![col("user_id")])
        .order_by(vec![col("ts").sort(false, false), col("click_id").sort(false, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .with_column("rn", newest_first)?
        .filter(col("rn").eq(lit(1)))?
        .select(vec![col("user_id"), col("page"), col("click_id"), col("ts")])
}
