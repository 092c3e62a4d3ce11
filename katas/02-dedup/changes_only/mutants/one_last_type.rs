//! expect: wrong_answer
//! Knows retries per user, but compares each event with the last type
//! emitted in the whole stream: another user's event decides whether this
//! one is a change.
use grader::prelude::*;

struct Seen {
    latest_ts: i64,
    ids_at_latest: Vec<String>,
}

pub fn changes_only(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut users: HashMap<u64, Seen> = HashMap::new();
    let mut last_type: Option<String> = None;
    events.filter(move |e| {
        let seen = users.entry(e.user_id).or_insert_with(|| Seen { latest_ts: e.ts, ids_at_latest: Vec::new() });
        if e.ts < seen.latest_ts || (e.ts == seen.latest_ts && seen.ids_at_latest.contains(&e.event_id)) {
            return false;
        }
        if e.ts > seen.latest_ts {
            seen.latest_ts = e.ts;
            seen.ids_at_latest.clear();
        }
        seen.ids_at_latest.push(e.event_id.clone());
        if last_type.as_ref() == Some(&e.event_type) {
            return false;
        }
        last_type = Some(e.event_type.clone());
        true
    })
}
