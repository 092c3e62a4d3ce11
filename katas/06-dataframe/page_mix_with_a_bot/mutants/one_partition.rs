//! expect: plan_rejected
//! Hides the skew by running the whole plan on one partition: no
//! repartition, no hot partition, and no parallelism either.
use datafusion::error::Result;
use datafusion::functions_aggregate::count::count_udaf;
use datafusion::functions_aggregate::expr_fn::{count, max};
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    let (mut state, plan) = clicks.into_parts();
    state.config_mut().options_mut().execution.target_partitions = 1;
    let user_clicks = Expr::WindowFunction(Box::new(WindowFunction::new(count_udaf(), vec![lit(1)])))
        .partition_by(vec![col("user_id")])
        .build()?;
    DataFrame::new(state, plan)
        .filter(col("user_id").is_not_null())?
        .with_column("user_clicks", user_clicks)?
        .aggregate(
            vec![col("user_id"), col("page")],
            vec![count(lit(1)).alias("clicks"), max(col("user_clicks")).alias("user_clicks")],
        )?
        .filter(col("page").is_not_null())
}
