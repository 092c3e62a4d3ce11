//! expect: wrong_answer
//! Counts the clicks with count(click_id): a count of a column skips its
//! nulls, so a click whose click_id is null is not counted.
use datafusion::arrow::datatypes::DataType;
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::functions_window::expr_fn::rank;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn top_pages_with_ties(clicks: DataFrame, n: i64) -> Result<DataFrame> {
    let by_clicks = rank()
        .partition_by(vec![col("user_id")])
        .order_by(vec![col("clicks").sort(false, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .aggregate(vec![col("user_id"), col("page")], vec![count(col("click_id")).alias("clicks")])?
        .with_column("rank", cast(by_clicks, DataType::Int64))?
        .filter(col("rank").lt_eq(lit(n)))
}
