use grader::prelude::*;

/// Drop retries of an event_id seen within `window_seconds` of event time, and records behind the watermark; lazily, in memory bounded by the window.
pub fn dedupe_window(events: impl Iterator<Item = Event>, window_seconds: i64) -> impl Iterator<Item = Event> {
    todo!("track the watermark and the ids it has not passed yet");
    // Gives `impl Iterator` a concrete type until you replace it.
    std::iter::empty()
}
