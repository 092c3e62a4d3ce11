//! expect: wrong_answer
//! Ends a session only when its own user comes back more than the gap
//! later, and leaves the rest for the end of the input: a session comes
//! out when its user returns, not when the stream has passed it.
use grader::prelude::*;

pub fn sessions_as_they_close(events: impl Iterator<Item = Event>, gap_seconds: i64) -> impl Iterator<Item = Session> {
    let mut events = events.fuse();
    let mut open: HashMap<u64, Session> = HashMap::new();
    let mut rest: std::vec::IntoIter<Session> = Vec::new().into_iter();
    let mut done = false;
    std::iter::from_fn(move || {
        if !done {
            for e in events.by_ref() {
                match open.get_mut(&e.user_id) {
                    Some(s) if e.ts - s.end_ts <= gap_seconds => {
                        s.end_ts = e.ts;
                        s.event_count += 1;
                    }
                    _ => {
                        let next = Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 };
                        if let Some(closed) = open.insert(e.user_id, next) {
                            return Some(closed);
                        }
                    }
                }
            }
            done = true;
            let mut left: Vec<Session> = open.drain().map(|(_, s)| s).collect();
            left.sort_by_key(|s| (s.end_ts, s.user_id));
            rest = left.into_iter();
        }
        rest.next()
    })
}
