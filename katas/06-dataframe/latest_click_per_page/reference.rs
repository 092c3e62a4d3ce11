use datafusion::error::Result;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    // Newest first, and nulls last on both keys: sort(asc, nulls_first) is
    // sort(false, false). DataFusion's SQL `ORDER BY ts DESC` would put the
    // null ts first; Spark's desc() puts it last. Say it either way.
    let newest_first = row_number()
        .partition_by(vec![col("user_id"), col("page")])
        .order_by(vec![col("ts").sort(false, false), col("click_id").sort(false, false)])
        .build()?;
    clicks
        // A click of nobody, or on no page, belongs to no pair.
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        // row_number, not rank: two clicks tied on ts and on a null click_id
        // still give one row (they look alike in every output column).
        .with_column("rn", newest_first)?
        .filter(col("rn").eq(lit(1)))?
        .select(vec![col("user_id"), col("page"), col("click_id"), col("ts")])
}
