//! expect: wrong_answer
//! "Cleans" the text "null" into None before comparing: the rule says the
//! text "null" is a value (Some), so ties resolve the wrong way.
use grader::prelude::*;

fn has_writer(e: &Event) -> bool {
    e.updated_by.as_deref().is_some_and(|w| w != "null")
}

pub fn dedupe_latest(events: impl Iterator<Item = Event>) -> impl Iterator<Item = Event> {
    let mut best: HashMap<String, Event> = HashMap::new();
    for e in events {
        let replace = match best.get(&e.event_id) {
            None => true,
            Some(old) => {
                e.ingested_at > old.ingested_at
                    || (e.ingested_at == old.ingested_at && has_writer(&e) && !has_writer(old))
            }
        };
        if replace {
            best.insert(e.event_id.clone(), e);
        }
    }
    best.into_values()
}
