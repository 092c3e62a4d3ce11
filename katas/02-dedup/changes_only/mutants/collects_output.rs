//! expect: memory_exceeded
//! The right filter, but it collects what it keeps into a Vec and returns
//! that: the output of the whole stream in memory at once.
use grader::prelude::*;

/// What the stream has shown of one user.
struct Seen {
    /// The `event_type` of the user's last emitted event.
    last_type: String,
    /// The greatest `ts` of the user's events so far.
    latest_ts: i64,
    /// The ids delivered at `latest_ts`: the only ones a retry can still
    /// be told from a new event by.
    ids_at_latest: Vec<String>,
}

/// A lazy filter with one small state per user: a delivery behind the
/// user's newest `ts` is a retry (originals arrive in event-time order),
/// and one at that `ts` is a retry when its id was delivered at it.
fn changes(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut users: HashMap<u64, Seen> = HashMap::new();
    events.filter(move |e| {
        let Some(seen) = users.get_mut(&e.user_id) else {
            // A user's first event is a change.
            let seen = Seen { last_type: e.event_type.clone(), latest_ts: e.ts, ids_at_latest: vec![e.event_id.clone()] };
            users.insert(e.user_id, seen);
            return true;
        };
        if e.ts < seen.latest_ts || (e.ts == seen.latest_ts && seen.ids_at_latest.contains(&e.event_id)) {
            return false; // a retry: never emitted, never a change
        }
        if e.ts > seen.latest_ts {
            seen.latest_ts = e.ts;
            seen.ids_at_latest.clear();
        }
        seen.ids_at_latest.push(e.event_id.clone());
        if seen.last_type == e.event_type {
            return false; // the same status again
        }
        seen.last_type.clone_from(&e.event_type);
        true
    })
}

/// The right events in the right order, gathered into a Vec first.
pub fn changes_only(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let all: Vec<Event> = changes(events).collect();
    all.into_iter()
}
