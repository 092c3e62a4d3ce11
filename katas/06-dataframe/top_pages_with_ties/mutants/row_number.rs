//! expect: wrong_answer
//! Numbers the pages with row_number() instead of rank(): of pages tied at
//! the cut, only as many as fit in n stay, whichever the sort puts first.
use datafusion::arrow::datatypes::DataType;
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::functions_window::expr_fn::row_number;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn top_pages_with_ties(clicks: DataFrame, n: i64) -> Result<DataFrame> {
    let by_clicks = row_number()
        .partition_by(vec![col("user_id")])
        .order_by(vec![col("clicks").sort(false, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .aggregate(vec![col("user_id"), col("page")], vec![count(lit(1)).alias("clicks")])?
        .with_column("rank", cast(by_clicks, DataType::Int64))?
        .filter(col("rank").lt_eq(lit(n)))
}
