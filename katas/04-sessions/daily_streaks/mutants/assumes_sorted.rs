//! expect: wrong_answer
//! Walks the days in the order they become active, as if the input were
//! sorted by time: a day that arrives after a later one resets the run
//! instead of joining it. Right on an in-order stream.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u64,
    pub first_day: Date,
}

pub fn daily_streaks(events: impl Iterator<Item = Event>, min_events: u64) -> HashMap<u64, Streak> {
    let mut per_day: HashMap<(u64, Date), Option<HashSet<String>>> = HashMap::new();
    // Per user: the best run, the current run, and its last day.
    let mut runs: HashMap<u64, (Streak, Streak, Date)> = HashMap::new();
    for e in events {
        let day = utc_day(e.ts);
        let slot = per_day.entry((e.user_id, day)).or_insert_with(|| Some(HashSet::new()));
        let Some(ids) = slot else { continue };
        ids.insert(e.event_id);
        if (ids.len() as u64) < min_events {
            continue;
        }
        *slot = None;
        match runs.get_mut(&e.user_id) {
            None => {
                let s = Streak { days: 1, first_day: day };
                runs.insert(e.user_id, (s.clone(), s, day));
            }
            Some((best, run, last)) => {
                if add_days(*last, 1) == day {
                    run.days += 1;
                } else {
                    *run = Streak { days: 1, first_day: day };
                }
                *last = day;
                if run.days > best.days {
                    *best = run.clone();
                }
            }
        }
    }
    runs.into_iter().map(|(user, (best, _, _))| (user, best)).collect()
}
