//! expect: wrong_answer
//! Starts a new session when `ts - previous ts >= gap_seconds`: a gap of
//! exactly the limit splits a session the rule continues.
use grader::prelude::*;
use std::collections::BTreeSet;

/// A lazy iterator over the sessions, each handed out as soon as an event
/// shows it is over. State: the open sessions by user, and the same keys
/// ordered by `(end_ts, user_id)`, so the next to close is always first.
pub fn sessions_as_they_close(events: impl Iterator<Item = Event>, gap_seconds: i64) -> impl Iterator<Item = Session> {
    let mut events = events.fuse();
    let mut open: HashMap<u64, Session> = HashMap::new();
    let mut by_end: BTreeSet<(i64, u64)> = BTreeSet::new();
    // Sessions closed by the last event read, not yet handed out, in order.
    let mut ready: VecDeque<Session> = VecDeque::new();
    std::iter::from_fn(move || {
        loop {
            if let Some(session) = ready.pop_front() {
                return Some(session);
            }
            let Some(e) = events.next() else {
                // The input is over: every open session is closed too.
                let (_, user) = by_end.pop_first()?;
                return open.remove(&user);
            };
            // Close every session this event is more than the gap past,
            // its own user's included, before the event joins anything.
            while let Some(&(end, user)) = by_end.first() {
                if e.ts - end <= gap_seconds {
                    break;
                }
                by_end.pop_first();
                ready.extend(open.remove(&user));
            }
            // A gap of gap_seconds or more starts a new session.
            if let Some(s) = open.get(&e.user_id)
                && e.ts - s.end_ts >= gap_seconds
            {
                by_end.remove(&(s.end_ts, s.user_id));
                ready.extend(open.remove(&e.user_id));
            }
            match open.get_mut(&e.user_id) {
                Some(s) => {
                    by_end.remove(&(s.end_ts, s.user_id));
                    s.end_ts = e.ts;
                    s.event_count += 1;
                }
                None => {
                    open.insert(e.user_id, Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 });
                }
            }
            by_end.insert((e.ts, e.user_id));
        }
    })
}
