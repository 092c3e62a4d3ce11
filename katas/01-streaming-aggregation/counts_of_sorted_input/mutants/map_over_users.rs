//! expect: memory_exceeded
//! The unsorted answer: a map from every user to their run, emitted at the
//! end. Right, but it holds every user, which the sorted input makes
//! unnecessary.
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
            types: HashSet::new(),
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
            self.types.insert(e.event_type);
        }
    }

    fn row(self) -> UserCounts {
        UserCounts { user_id: self.user_id, events: self.events, distinct_event_types: self.types.len() as u64 }
    }
}

/// Every user's run in one map, emitted at the end in user order.
pub fn counts_of_sorted_input(events: impl Iterator<Item = Event>) -> impl Iterator<Item = UserCounts> {
    let mut runs: BTreeMap<u64, Run> = BTreeMap::new();
    for e in events {
        match runs.get_mut(&e.user_id) {
            Some(r) => r.add(e),
            None => {
                runs.insert(e.user_id, Run::start(e));
            }
        }
    }
    runs.into_values().map(Run::row)
}
