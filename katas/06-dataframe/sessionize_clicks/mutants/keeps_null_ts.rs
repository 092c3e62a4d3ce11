//! expect: wrong_answer
//! Leaves out the clicks of no user but keeps those of no time: a null ts
//! sorts to one end of the user's clicks and lands in a session all the same.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::{count, max, min};
use datafusion::functions_aggregate::sum::sum_udaf;
use datafusion::functions_window::expr_fn::lag;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

pub fn sessionize_clicks(clicks: DataFrame) -> Result<DataFrame> {
    let by_user = || vec![col("user_id")];
    let previous = lag(col("ts"), Some(1), None)
        .partition_by(by_user())
        .order_by(vec![col("ts").sort(true, false), col("click_id").sort(true, false)])
        .build()?;
    let starts = when(col("previous_ts").is_null().or((col("ts") - col("previous_ts")).gt(lit(1800))), lit(1))
        .otherwise(lit(0))?;
    let session = Expr::WindowFunction(Box::new(WindowFunction::new(sum_udaf(), vec![col("starts")])))
        .partition_by(by_user())
        .order_by(vec![col("ts").sort(true, false), col("click_id").sort(true, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null())?
        .with_column("previous_ts", previous)?
        .with_column("starts", starts)?
        .with_column("session", session)?
        .aggregate(
            vec![col("user_id"), col("session")],
            vec![
                min(col("ts")).alias("session_start"),
                max(col("ts")).alias("session_end"),
                count(lit(1)).alias("clicks"),
            ],
        )?
        .select(vec![col("user_id"), col("session_start"), col("session_end"), col("clicks")])
}
