//! expect: wrong_answer
//! Picks the best delivery of this run, then appends it: a second run, or a
//! retry that a later run processes, adds a second row for the same
//! event_id. The grain of the table is event_id.
use grader::prelude::*;

fn better(new: &Event, old: &Event) -> bool {
    new.ingested_at > old.ingested_at
        || (new.ingested_at == old.ingested_at && new.updated_by.is_some() && old.updated_by.is_none())
}

pub fn upsert_events(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table<Event>) {
    let mut best: HashMap<String, Event> = HashMap::new();
    for e in events {
        let processed = utc_day(e.ingested_at);
        if processed < start || processed >= end {
            continue;
        }
        match best.get_mut(&e.event_id) {
            Some(old) if better(&e, old) => *old = e,
            Some(_) => {}
            None => {
                best.insert(e.event_id.clone(), e);
            }
        }
    }
    let mut by_day: BTreeMap<Date, Vec<Event>> = BTreeMap::new();
    for e in best.into_values() {
        by_day.entry(utc_day(e.ts)).or_default().push(e);
    }
    for (_, rows) in by_day {
        out.append(rows);
    }
}
