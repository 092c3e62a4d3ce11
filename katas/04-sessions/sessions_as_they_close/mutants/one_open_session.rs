//! expect: wrong_answer
//! The `sessionize` answer, for input sorted by user: one open session,
//! ended by the next event of another user. Interleaved users cut each
//! other's sessions into pieces.
use grader::prelude::*;

pub fn sessions_as_they_close(events: impl Iterator<Item = Event>, gap_seconds: i64) -> impl Iterator<Item = Session> {
    let mut events = events.fuse();
    let mut open: Option<Session> = None;
    std::iter::from_fn(move || {
        for e in events.by_ref() {
            match &mut open {
                Some(s) if s.user_id == e.user_id && e.ts - s.end_ts <= gap_seconds => {
                    s.end_ts = e.ts;
                    s.event_count += 1;
                }
                _ => {
                    let next = Session { user_id: e.user_id, start_ts: e.ts, end_ts: e.ts, event_count: 1 };
                    if let Some(closed) = open.replace(next) {
                        return Some(closed);
                    }
                }
            }
        }
        open.take()
    })
}
