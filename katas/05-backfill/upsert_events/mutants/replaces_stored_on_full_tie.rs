//! expect: wrong_answer
//! Picks the best delivery of the run right, then merges with "the run's
//! row wins unless the stored one is strictly better": on a full tie with
//! the row already in the table, the incoming delivery replaces it.
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
    for (day, incoming) in by_day {
        let mut rows: Vec<Event> = out.partition(day).to_vec();
        let mut at: HashMap<String, usize> = rows.iter().enumerate().map(|(i, r)| (r.event_id.clone(), i)).collect();
        for e in incoming {
            match at.get(&e.event_id) {
                Some(&i) => {
                    if !better(&rows[i], &e) {
                        rows[i] = e;
                    }
                }
                None => {
                    at.insert(e.event_id.clone(), rows.len());
                    rows.push(e);
                }
            }
        }
        out.overwrite_partition(day, rows);
    }
}
