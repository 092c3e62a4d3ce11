//! expect: wrong_answer
//! Reads "sorted" as sorted all the way down: counts the places where the
//! type changes from one event to the next, as if each type came in one run.
//! The run is sorted by ts, not by type, so a type comes back.
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
    /// The last type read, and how many times the type changed.
    last_type: Option<String>,
    type_runs: u64,
    /// The `ts` being read, and the ids counted at it: a retry carries its
    /// original's `ts`, so it can only turn up among these.
    second: i64,
    ids_this_second: HashSet<String>,
}

impl Run {
    fn start(e: Event) -> Run {
        let mut run = Run {
            user_id: e.user_id,
            events: 0,
            last_type: None,
            type_runs: 0,
            second: e.ts,
            ids_this_second: HashSet::new(),
        };
        run.add(e);
        run
    }

    fn add(&mut self, e: Event) {
        if e.ts != self.second {
            self.second = e.ts;
            self.ids_this_second.clear();
        }
        if self.ids_this_second.insert(e.event_id) {
            self.events += 1;
            if self.last_type.as_ref() != Some(&e.event_type) {
                self.type_runs += 1;
                self.last_type = Some(e.event_type);
            }
        }
    }

    fn row(self) -> UserCounts {
        UserCounts { user_id: self.user_id, events: self.events, distinct_event_types: self.type_runs }
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
