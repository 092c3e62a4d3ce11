//! expect: wrong_answer
//! Breaks a tie on ts with click_id ascending: of two clicks at the same
//! second, the smaller click_id wins.
use datafusion::error::Result;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    let newest_first = row_number()
        .partition_by(vec![col("user_id"), col("page")])
        .order_by(vec![col("ts").sort(false, false), col("click_id").sort(true, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .with_column("rn", newest_first)?
        .filter(col("rn").eq(lit(1)))?
        .select(vec![col("user_id"), col("page"), col("click_id"), col("ts")])
}
