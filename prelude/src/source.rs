//! A source that can be read more than once: a file on disk, a table, a
//! topic kept for a week. The katas whose counts do not fit in memory make
//! several passes over it, each holding only a share of the keys.

use crate::records::Event;

/// One pass over a [`Source`]: its events from the first, lazily.
pub type Pass = Box<dyn Iterator<Item = Event>>;

/// One partition of a merge kata's input: its events in event-time order,
/// lazily.
pub type Partition = Box<dyn Iterator<Item = Event>>;

/// A re-readable source of events with a budget of passes. Each
/// [`Source::open`] starts a new pass from the first event; opening one
/// more than the budget allows panics, as a job that overran its read
/// budget would be stopped.
pub struct Source {
    open: Box<dyn FnMut() -> Pass>,
    budget: u64,
    opened: u64,
}

impl Source {
    /// A source whose passes `open` makes, at most `budget` of them (the
    /// grader builds it; a solution only reads it).
    #[doc(hidden)]
    pub fn new(budget: u64, open: Box<dyn FnMut() -> Pass>) -> Source {
        Source { open, budget, opened: 0 }
    }

    /// A new pass over the whole source, from its first event.
    pub fn open(&mut self) -> Pass {
        if self.opened == self.budget {
            panic!(
                "the source was opened for pass {} of a budget of {}: every pass reads the whole source, \
                 so plan the passes before the first one",
                self.opened + 1,
                self.budget
            );
        }
        self.opened += 1;
        (self.open)()
    }

    /// How many passes the budget allows in all.
    pub fn budget(&self) -> u64 {
        self.budget
    }

    /// How many passes have been opened so far.
    pub fn opened(&self) -> u64 {
        self.opened
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(user_id: u64) -> Event {
        Event {
            event_id: format!("e{user_id}"),
            user_id,
            event_type: "view".into(),
            ts: 0,
            ingested_at: 0,
            updated_by: None,
        }
    }

    #[test]
    fn each_pass_reads_from_the_first_event_and_the_budget_holds() {
        let mut source = Source::new(2, Box::new(|| Box::new((1..=3).map(event))));
        let first: Vec<u64> = source.open().map(|e| e.user_id).collect();
        let second: Vec<u64> = source.open().take(1).map(|e| e.user_id).collect();
        assert_eq!((first, second), (vec![1, 2, 3], vec![1]));
        assert_eq!((source.opened(), source.budget()), (2, 2));
        let over = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = source.open();
        }));
        assert!(over.is_err());
    }
}
