//! expect: wrong_answer
//! Keeps one click per pair with distinct_on and no sort, DataFusion's
//! dropDuplicates: it keeps whichever click of the pair the engine meets
//! first, not the latest. Nothing in it looks at ts.
use datafusion::error::Result;
use datafusion::prelude::*;

pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    clicks
        .filter(col("user_id").is_not_null().and(col("page").is_not_null()))?
        .distinct_on(
            vec![col("user_id"), col("page")],
            vec![col("user_id"), col("page"), col("click_id"), col("ts")],
            None,
        )
}
