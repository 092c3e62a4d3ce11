//! expect: memory_exceeded
//! Tells retries apart with a set of every `event_id` seen: right, and the
//! set grows with the stream while fifty users need fifty small states.
use grader::prelude::*;

pub fn changes_only(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut seen_ids: HashSet<String> = HashSet::new();
    let mut last: HashMap<u64, String> = HashMap::new();
    events.filter(move |e| {
        if !seen_ids.insert(e.event_id.clone()) {
            return false;
        }
        if last.get(&e.user_id) == Some(&e.event_type) {
            return false;
        }
        last.insert(e.user_id, e.event_type.clone());
        true
    })
}
