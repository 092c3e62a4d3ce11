//! expect: wrong_answer
//! Orders the open sessions by `end_ts` and then by when their last event
//! arrived: sessions that end in the same second come out in arrival
//! order, not by `user_id`.
use grader::prelude::*;
use std::collections::BTreeSet;

pub fn sessions_as_they_close(events: impl Iterator<Item = Event>, gap_seconds: i64) -> impl Iterator<Item = Session> {
    let mut events = events.fuse();
    // user_id -> (arrival number of its last event, open session)
    let mut open: HashMap<u64, (u64, Session)> = HashMap::new();
    // (end_ts, arrival number, user_id)
    let mut by_end: BTreeSet<(i64, u64, u64)> = BTreeSet::new();
    let mut ready: VecDeque<Session> = VecDeque::new();
    let mut arrived: u64 = 0;
    std::iter::from_fn(move || {
        loop {
            if let Some(session) = ready.pop_front() {
                return Some(session);
            }
            let Some(e) = events.next() else {
                let (_, _, user) = by_end.pop_first()?;
                return open.remove(&user).map(|(_, s)| s);
            };
            arrived += 1;
            while let Some(&(end, _, user)) = by_end.first() {
                if e.ts - end <= gap_seconds {
                    break;
                }
                by_end.pop_first();
                ready.extend(open.remove(&user).map(|(_, s)| s));
            }
            match open.get_mut(&e.user_id) {
                Some((seq, s)) => {
                    by_end.remove(&(s.end_ts, *seq, s.user_id));
                    s.end_ts = e.ts;
                    s.event_count += 1;
                    *seq = arrived;
                }
                None => {
                    let s = Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 };
                    open.insert(e.user_id, (arrived, s));
                }
            }
            by_end.insert((e.ts, arrived, e.user_id));
        }
    })
}
