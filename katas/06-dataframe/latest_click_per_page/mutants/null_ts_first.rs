//! expect: wrong_answer
//! Sorts ts descending with nulls first, as DataFusion's SQL `ORDER BY ts
//! DESC` does by default (and Postgres): a click with no ts beats every
//! click with one.
use datafusion::error::Result;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    let newest_first = row_number()
        .partition_by(vec![col("user_id"), col("page")])
        .order_by(vec![col("ts").sort(false, true), col("click_id").sort(false, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .with_column("rn", newest_first)?
        .filter(col("rn").eq(lit(1)))?
        .select(vec![col("user_id"), col("page"), col("click_id"), col("ts")])
}
