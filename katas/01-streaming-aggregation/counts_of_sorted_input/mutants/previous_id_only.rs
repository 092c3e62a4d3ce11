//! expect: wrong_answer
//! Takes a delivery for a retry only when it repeats the id just before it.
//! Another event of the user at the same second can sit between a retry and
//! its original, and then the retry counts again.
use grader::prelude::*;

/// One row per user: their events (each event_id once) and how many event types they used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserCounts {
    pub user_id: u64,
    pub events: u64,
    pub distinct_event_types: u64,
}

/// The run of one user still being read.
struct Run {
    user_id: u64,
    events: u64,
    types: HashSet<String>,
    /// The id of the delivery just read.
    last_id: Option<String>,
}

impl Run {
    fn start(e: Event) -> Run {
        let mut run = Run {
            user_id: e.user_id,
            events: 0,
            types: HashSet::new(),
            last_id: None,
        };
        run.add(e);
        run
    }

    fn add(&mut self, e: Event) {
        // A retry is the same id as the delivery just before it.
        if self.last_id.as_ref() != Some(&e.event_id) {
            self.events += 1;
            self.types.insert(e.event_type);
        }
        self.last_id = Some(e.event_id);
    }

    fn row(self) -> UserCounts {
        UserCounts { user_id: self.user_id, events: self.events, distinct_event_types: self.types.len() as u64 }
    }
}

/// A lazy iterator over the runs.
pub fn counts_of_sorted_input(events: impl Iterator<Item = Event>) -> impl Iterator<Item = UserCounts> {
    let mut events = events.fuse();
    let mut run: Option<Run> = None;
    std::iter::from_fn(move || {
        for e in events.by_ref() {
            match &mut run {
                Some(r) if r.user_id == e.user_id => r.add(e),
                _ => {
                    // A new user: the run before it is complete.
                    if let Some(done) = run.replace(Run::start(e)) {
                        return Some(done.row());
                    }
                }
            }
        }
        // The input is over: the last run is complete too.
        run.take().map(Run::row)
    })
}
