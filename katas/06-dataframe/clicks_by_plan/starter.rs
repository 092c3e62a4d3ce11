use datafusion::error::Result;
use datafusion::prelude::*;

/// One row per plan: plan, clicks. The hot user's clicks must not all land
/// on one partition.
pub fn clicks_by_plan(clicks: DataFrame, users: DataFrame) -> Result<DataFrame> {
    todo!("join clicks to users on a salted key, then count per plan")
}
