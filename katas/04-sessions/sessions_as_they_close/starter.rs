use grader::prelude::*;

/// Sessions per user, split by an inactivity gap, each emitted as soon as an event shows it is over.
pub fn sessions_as_they_close(events: impl Iterator<Item = Event>, gap_seconds: i64) -> impl Iterator<Item = Session> {
    todo!("hold the open sessions; hand one out when an event is more than gap_seconds past its end");
    // Gives `impl Iterator` a concrete type until you replace it.
    std::iter::empty()
}
