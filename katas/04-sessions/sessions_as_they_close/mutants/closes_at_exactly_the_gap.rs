//! expect: wrong_answer
//! Adds the event first, then closes every session it is `gap_seconds` or
//! more past: a session exactly the gap behind is closed, and an event of
//! its user in that same second starts a new one instead of continuing it.
use grader::prelude::*;
use std::collections::BTreeSet;

pub fn sessions_as_they_close(events: impl Iterator<Item = Event>, gap_seconds: i64) -> impl Iterator<Item = Session> {
    let mut events = events.fuse();
    let mut open: HashMap<u64, Session> = HashMap::new();
    let mut by_end: BTreeSet<(i64, u64)> = BTreeSet::new();
    let mut ready: VecDeque<Session> = VecDeque::new();
    std::iter::from_fn(move || {
        loop {
            if let Some(session) = ready.pop_front() {
                return Some(session);
            }
            let Some(e) = events.next() else {
                let (_, user) = by_end.pop_first()?;
                return open.remove(&user);
            };
            let mut closed: Vec<Session> = Vec::new();
            // The user's own session first: a gap over the limit ends it.
            if let Some(s) = open.get(&e.user_id)
                && e.ts - s.end_ts > gap_seconds
            {
                by_end.remove(&(s.end_ts, s.user_id));
                closed.extend(open.remove(&e.user_id));
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
            // Then everyone else the event has left a whole gap behind.
            while let Some(&(end, user)) = by_end.first() {
                if e.ts - end < gap_seconds {
                    break;
                }
                by_end.pop_first();
                closed.extend(open.remove(&user));
            }
            closed.sort_by_key(|s| (s.end_ts, s.user_id));
            ready.extend(closed);
        }
    })
}
