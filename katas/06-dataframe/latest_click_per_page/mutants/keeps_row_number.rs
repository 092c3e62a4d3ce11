//! expect: wrong_answer
//! Returns the row number beside the four columns: the caller gets an rn
//! column they never asked for, 1 on every row.
use datafusion::error::Result;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    let newest_first = row_number()
        .partition_by(vec![col("user_id"), col("page")])
        .order_by(vec![col("ts").sort(false, false), col("click_id").sort(false, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .with_column("rn", newest_first)?
        .filter(col("rn").eq(lit(1)))
}
