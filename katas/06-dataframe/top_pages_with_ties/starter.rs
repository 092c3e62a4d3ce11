use datafusion::error::Result;
use datafusion::prelude::*;

/// Each user's most-clicked pages, ties kept: user_id, page, clicks, rank.
pub fn top_pages_with_ties(clicks: DataFrame, n: i64) -> Result<DataFrame> {
    todo!("count clicks per (user_id, page), rank them within each user by count descending, keep rank <= n")
}
