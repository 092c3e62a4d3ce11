//! expect: wrong_answer
//! Streams running totals: emits the user's row each time one of their
//! events counts. The last row of each user is right, but the rows before it
//! are extra: more than one row per user.
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
}

/// A lazy iterator over the runs.
pub fn counts_of_sorted_input(events: impl Iterator<Item = Event>) -> impl Iterator<Item = UserCounts> {
    let mut run: Option<Run> = None;
    // A row each time an event counts: the consumer sees the totals early.
    events.filter_map(move |e| {
        let before = run.as_ref().filter(|r| r.user_id == e.user_id).map_or(0, |r| r.events);
        match &mut run {
            Some(r) if r.user_id == e.user_id => r.add(e),
            _ => run = Some(Run::start(e)),
        }
        let r = run.as_ref()?;
        (r.events > before).then(|| UserCounts {
            user_id: r.user_id,
            events: r.events,
            distinct_event_types: r.types.len() as u64,
        })
    })
}
