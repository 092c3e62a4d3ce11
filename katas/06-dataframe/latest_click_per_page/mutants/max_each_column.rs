//! expect: wrong_answer
//! Takes max(ts) and max(click_id) per pair in one aggregate: each maximum
//! skips its own nulls, so when the latest click has no click_id, the
//! click_id that comes out is an older click's.
use datafusion::error::Result;
use datafusion::functions_aggregate::expr_fn::max;
use datafusion::prelude::*;

pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .aggregate(
            vec![col("user_id"), col("page")],
            vec![max(col("click_id")).alias("click_id"), max(col("ts")).alias("ts")],
        )
}
