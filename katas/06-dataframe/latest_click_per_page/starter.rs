use datafusion::error::Result;
use datafusion::prelude::*;

/// The latest click of each (user_id, page): user_id, page, click_id, ts.
pub fn latest_click_per_page(clicks: DataFrame) -> Result<DataFrame> {
    todo!("rank each (user_id, page)'s clicks by ts then click_id, newest first with nulls last, and keep the first")
}
