use datafusion::error::Result;
use datafusion::prelude::*;

/// One row per (user_id, page): user_id, page, clicks, user_clicks. The
/// bot's clicks must not all cross the shuffle to one partition.
pub fn page_mix_with_a_bot(clicks: DataFrame) -> Result<DataFrame> {
    todo!("count per (user, page) first, then each user's total over those counts")
}
