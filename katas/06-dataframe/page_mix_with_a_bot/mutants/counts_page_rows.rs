//! expect: wrong_answer
//! Moves the window after the aggregate, as it should, but keeps the count
//! it had over the clicks: over the counted rows, a count is the number of
//! pages the user clicked, not the number of clicks.
use datafusion::error::Result;
use datafusion::functions_aggregate::count::count_udaf;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let per_page = clicks
        .filter(col("user_id").is_not_null())?
        .aggregate(vec![col("user_id"), col("page")], vec![count(lit(1)).alias("clicks")])?;
    let user_clicks = Expr::WindowFunction(Box::new(WindowFunction::new(count_udaf(), vec![lit(1)])))
        .partition_by(vec![col("user_id")])
        .build()?;
    per_page.with_column("user_clicks", user_clicks)?.filter(col("page").is_not_null())
}
