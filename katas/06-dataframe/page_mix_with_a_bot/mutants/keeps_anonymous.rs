//! expect: wrong_answer
//! Never filters out the clicks whose user_id is null: they group as one
//! user of their own, whose page mix comes back with a null user_id.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::functions_aggregate::sum::sum_udaf;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let per_page = clicks.aggregate(vec![col("user_id"), col("page")], vec![count(lit(1)).alias("clicks")])?;
    let user_clicks = Expr::WindowFunction(Box::new(WindowFunction::new(sum_udaf(), vec![col("clicks")])))
        .partition_by(vec![col("user_id")])
        .build()?;
    per_page.with_column("user_clicks", user_clicks)?.filter(col("page").is_not_null())
}
