//! expect: memory_exceeded
//! Drops retries with one set of every event id ever seen, instead of the ids
//! of the open windows: right, and the set grows with the stream.
use grader::prelude::*;

/// How many events of a user fell in one window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowCount {
    pub window_start: i64,
    pub user_id: u64,
    pub count: u64,
}

/// One window still open: the ids it has counted, and its count per user.
#[derive(Default)]
struct Open {
    ids: HashSet<String>,
    counts: HashMap<u64, u64>,
}

fn rows(window_start: i64, open: Open) -> impl Iterator<Item = WindowCount> {
    open.counts.into_iter().map(move |(user_id, count)| WindowCount { window_start, user_id, count })
}

/// A lazy iterator: it reads events only until it has a closed window to
/// hand out, and holds the open windows alone (bounded by the disorder of
/// the input, not by its length).
pub fn event_time_windows(
    events: impl Iterator<Item = Event>,
    window_seconds: i64,
    allowed_lateness: i64,
) -> impl Iterator<Item = WindowCount> {
    let mut events = events.fuse();
    let mut open: BTreeMap<i64, Open> = BTreeMap::new();
    let mut max_ts: Option<i64> = None;
    let mut seen: HashSet<String> = HashSet::new();
    // Rows of windows already closed, not yet handed out.
    let mut ready: Vec<WindowCount> = Vec::new();
    std::iter::from_fn(move || {
        loop {
            if let Some(row) = ready.pop() {
                return Some(row);
            }
            let Some(e) = events.next() else {
                // The input is over: every window still open is final.
                let start = *open.keys().next()?;
                let window = open.remove(&start)?;
                ready.extend(rows(start, window));
                continue;
            };
            let start = e.ts.div_euclid(window_seconds) * window_seconds;
            // Late: the window ended at or before the watermark.
            if max_ts.is_some_and(|m| start + window_seconds <= m - allowed_lateness) {
                continue;
            }
            let window = open.entry(start).or_default();
            if seen.insert(e.event_id) {
                *window.counts.entry(e.user_id).or_default() += 1;
            }
            if max_ts.is_none_or(|m| e.ts > m) {
                max_ts = Some(e.ts);
                let watermark = e.ts - allowed_lateness;
                while let Some(entry) = open.first_entry() {
                    if *entry.key() + window_seconds > watermark {
                        break;
                    }
                    let (start, window) = entry.remove_entry();
                    ready.extend(rows(start, window));
                }
            }
        }
    })
}
