use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::count;
use datafusion::functions_aggregate::sum::sum_udaf;
use datafusion::logical_expr::ExprFunctionExt;
use datafusion::logical_expr::expr::WindowFunction;
use datafusion::prelude::*;

pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    // Stage one: count per (user, page). The engine counts within each
    // partition before the shuffle (Partial, then FinalPartitioned), so the
    // bot crosses it as one row per page per partition, not as its clicks.
    // count(lit(1)) counts rows: a click whose click_id is null counts.
    let per_page = clicks
        .filter(col("user_id").is_not_null())?
        .aggregate(vec![col("user_id"), col("page")], vec![count(lit(1)).alias("clicks")])?;
    // Stage two: each user's total, summed over the counted rows (a handful
    // per user). The window repartitions by user, but the bot is a few rows
    // by now. A sum, not a count: a count here would count pages.
    let user_clicks = Expr::WindowFunction(Box::new(WindowFunction::new(sum_udaf(), vec![col("clicks")])))
        .partition_by(vec![col("user_id")])
        .build()?;
    per_page
        .with_column("user_clicks", user_clicks)?
        // The null page's row is in the total; it makes no row of its own.
        .filter(col("page").is_not_null())
}
