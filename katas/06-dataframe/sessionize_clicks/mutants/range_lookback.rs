//! expect: wrong_answer
//! Decides where a session starts by counting the user's clicks in the half
//! hour before each click (a RANGE frame from 1800 to 1 preceding): a gap of
//! exactly 1800 seconds continues, as it should, but a click at the same
//! second as a session's first click sees nothing before it either, and
//! starts a second session at the same time.
use datafusion::common::ScalarValue;
use datafusion::error::Result;
use datafusion::functions_aggregate::count::count_udaf;
use datafusion::functions_aggregate::expr_fn::{count, max, min};
use datafusion::functions_aggregate::sum::sum_udaf;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::logical_expr::{ExprFunctionExt, WindowFrame, WindowFrameBound, WindowFrameUnits};
use datafusion::prelude::*;

pub fn sessionize_clicks(clicks: DataFrame) -> Result<DataFrame> {
    let by_user = || vec![col("user_id")];
    let half_hour_before = WindowFrame::new_bounds(
        WindowFrameUnits::Range,
        WindowFrameBound::Preceding(ScalarValue::Int64(Some(1800))),
        WindowFrameBound::Preceding(ScalarValue::Int64(Some(1))),
    );
    let recent = Expr::WindowFunction(Box::new(WindowFunction::new(count_udaf(), vec![lit(1)])))
        .partition_by(by_user())
        .order_by(vec![col("ts").sort(true, false)])
        .window_frame(half_hour_before)
        .build()?;
    let starts = when(col("recent").eq(lit(0)), lit(1)).otherwise(lit(0))?;
    let session = Expr::WindowFunction(Box::new(WindowFunction::new(sum_udaf(), vec![col("starts")])))
        .partition_by(by_user())
        .order_by(vec![col("ts").sort(true, false), col("click_id").sort(true, false)])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null().and(col("ts").is_not_null()))?
        .with_column("recent", recent)?
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
