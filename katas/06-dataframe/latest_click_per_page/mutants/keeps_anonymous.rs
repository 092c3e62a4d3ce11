//! expect: wrong_answer
//! Leaves out the clicks on no page but not those of no user: the null
//! user_id becomes a user of its own, with a latest click on each page.
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
        .filter(col("page").is_not_null())?
        .with_column("rn", newest_first)?
        .filter(col("rn").eq(lit(1)))?
        .select(vec![col("user_id"), col("page"), col("click_id"), col("ts")])
}
