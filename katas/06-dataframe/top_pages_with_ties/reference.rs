use datafusion::arrow::datatypes::DataType;
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::functions_window::expr_fn::rank;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::prelude::*;

pub fn top_pages_with_ties(clicks: DataFrame, n: i64) -> Result<DataFrame> {
    // SQL RANK: pages with equal counts share a rank, and the rank after a
    // tie skips (1, 1, 3), so every page tied at rank n stays and no page
    // below the top n sneaks in behind a tie.
    let by_clicks = rank()
        .partition_by(vec![col("user_id")])
        .order_by(vec![col("clicks").sort(false, false)])
        .build()?;
    clicks
        // A click of nobody, or on no page, has no place in a ranking.
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        // count(lit(1)) counts rows: a click with a null click_id or ts counts.
        .aggregate(vec![col("user_id"), col("page")], vec![count(lit(1)).alias("clicks")])?
        .with_column("rank", cast(by_clicks, DataType::Int64))?
        .filter(col("rank").lt_eq(lit(n)))
}
