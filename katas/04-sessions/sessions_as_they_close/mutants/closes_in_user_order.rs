//! expect: wrong_answer
//! Finds the right sessions to close, but hands each batch out sorted by
//! `user_id` alone, and the open ones at the end too: sessions closed
//! together leave in user order, not in order of `end_ts`.
use grader::prelude::*;
use std::collections::BTreeSet;

pub fn sessions_as_they_close(events: impl Iterator<Item = Event>, gap_seconds: i64) -> impl Iterator<Item = Session> {
    let mut events = events.fuse();
    let mut open: HashMap<u64, Session> = HashMap::new();
    let mut by_end: BTreeSet<(i64, u64)> = BTreeSet::new();
    let mut ready: VecDeque<Session> = VecDeque::new();
    let mut done = false;
    std::iter::from_fn(move || {
        loop {
            if let Some(session) = ready.pop_front() {
                return Some(session);
            }
            if done {
                return None;
            }
            let mut closed: Vec<Session> = Vec::new();
            let Some(e) = events.next() else {
                closed.extend(open.drain().map(|(_, s)| s));
                closed.sort_by_key(|s| s.user_id);
                ready.extend(closed);
                done = true;
                continue;
            };
            while let Some(&(end, user)) = by_end.first() {
                if e.ts - end <= gap_seconds {
                    break;
                }
                by_end.pop_first();
                closed.extend(open.remove(&user));
            }
            closed.sort_by_key(|s| s.user_id);
            ready.extend(closed);
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
