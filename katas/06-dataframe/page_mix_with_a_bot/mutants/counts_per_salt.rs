//! expect: wrong_answer
//! Salts the count, per (user, page, salt), as if the engine could not
//! split a count by itself, and never adds a page's salts back together:
//! up to sixteen rows per (user, page), each with part of its clicks.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::functions_aggregate::sum::sum_udaf;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

const SALTS: i64 = 16;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let per_salt = clicks
        .filter(col("user_id").is_not_null())?
        .with_column("salt", coalesce(vec![col("click_id") % lit(SALTS), lit(0i64)]))?
        .aggregate(vec![col("user_id"), col("page"), col("salt")], vec![count(lit(1)).alias("clicks")])?;
    let user_clicks = Expr::WindowFunction(Box::new(WindowFunction::new(sum_udaf(), vec![col("clicks")])))
        .partition_by(vec![col("user_id")])
        .build()?;
    per_salt
        .with_column("user_clicks", user_clicks)?
        .filter(col("page").is_not_null())?
        .select(vec![col("user_id"), col("page"), col("clicks"), col("user_clicks")])
}
