//! expect: wrong_answer
//! Upserts by (user_id, ts), the user's event at that second, instead of by
//! event_id: two different events of one user in the same second collapse
//! into one row.
use grader::prelude::*;

fn better(new: &Event, old: &Event) -> bool {
    new.ingested_at > old.ingested_at
        || (new.ingested_at == old.ingested_at && new.updated_by.is_some() && old.updated_by.is_none())
}

pub fn upsert_events(events: impl Iterator<Item = Event>, start: Date, end: Date, out: &mut Table<Event>) {
    let mut best: HashMap<(u64, i64), Event> = HashMap::new();
    for e in events {
        let processed = utc_day(e.ingested_at);
        if processed < start || processed >= end {
            continue;
        }
        match best.get_mut(&(e.user_id, e.ts)) {
            Some(old) if better(&e, old) => *old = e,
            Some(_) => {}
            None => {
                best.insert((e.user_id, e.ts), e);
            }
        }
    }
    let mut by_day: BTreeMap<Date, Vec<Event>> = BTreeMap::new();
    for e in best.into_values() {
        by_day.entry(utc_day(e.ts)).or_default().push(e);
    }
    for (day, incoming) in by_day {
        let mut rows: Vec<Event> = out.partition(day).to_vec();
        let mut at: HashMap<(u64, i64), usize> = rows.iter().enumerate().map(|(i, r)| ((r.user_id, r.ts), i)).collect();
        for e in incoming {
            match at.get(&(e.user_id, e.ts)) {
                Some(&i) => {
                    if better(&e, &rows[i]) {
                        rows[i] = e;
                    }
                }
                None => {
                    at.insert((e.user_id, e.ts), rows.len());
                    rows.push(e);
                }
            }
        }
        out.overwrite_partition(day, rows);
    }
}
