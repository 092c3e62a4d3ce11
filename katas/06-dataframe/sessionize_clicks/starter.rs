use datafusion::error::Result;
use datafusion::prelude::*;

/// One row per session: user_id, session_start, session_end, clicks.
pub fn sessionize_clicks(clicks: DataFrame) -> Result<DataFrame> {
    todo!("sessions: lag(ts) over (partition by user_id order by ts), then a running count of session starts")
}
