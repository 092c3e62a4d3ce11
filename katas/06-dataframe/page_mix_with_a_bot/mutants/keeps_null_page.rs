//! expect: wrong_answer
//! Counts the clicks whose page is null into the user's total, as it
//! should, and then keeps their row too: a row whose page is null.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::functions_aggregate::sum::sum_udaf;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let per_page = clicks
        .filter(col("user_id").is_not_null())?
        .aggregate(vec![col("user_id"), col("page")], vec![count(lit(1)).alias("clicks")])?;
    let user_clicks = Expr::WindowFunction(Box::new(WindowFunction::new(sum_udaf(), vec![col("clicks")])))
        .partition_by(vec![col("user_id")])
        .build()?;
    per_page.with_column("user_clicks", user_clicks)
}
