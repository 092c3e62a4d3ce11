//! expect: plan_rejected
//! The answer most people write first: each click gets its user's total
//! from a count over a window partitioned by user, then the clicks are
//! counted per page. Right, and the window repartitions the clicks
//! themselves on user_id: every click of the bot lands on one partition.
use datafusion::error::Result;
use datafusion::functions_aggregate::count::count_udaf;
use datafusion::functions_aggregate::expr_fn::{count, max};
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let user_clicks = Expr::WindowFunction(Box::new(WindowFunction::new(count_udaf(), vec![lit(1)])))
        .partition_by(vec![col("user_id")])
        .build()?;
    clicks
        .filter(col("user_id").is_not_null())?
        .with_column("user_clicks", user_clicks)?
        .aggregate(
            vec![col("user_id"), col("page")],
            vec![count(lit(1)).alias("clicks"), max(col("user_clicks")).alias("user_clicks")],
        )?
        .filter(col("page").is_not_null())
}
