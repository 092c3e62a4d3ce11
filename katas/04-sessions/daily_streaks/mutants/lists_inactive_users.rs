//! expect: wrong_answer
//! Lists every user it has seen: one whose days never reach `min_events`
//! comes out with a streak of 0 days from their first day, where the
//! rule leaves them out.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u64,
    pub first_day: Date,
}

pub fn daily_streaks(events: impl Iterator<Item = Event>, min_events: u64) -> HashMap<u64, Streak> {
    let mut per_day: HashMap<(u64, Date), Option<HashSet<String>>> = HashMap::new();
    let mut first_seen: HashMap<u64, Date> = HashMap::new();
    for e in events {
        let seen = first_seen.entry(e.user_id).or_insert(utc_day(e.ts));
        *seen = (*seen).min(utc_day(e.ts));
        let slot = per_day.entry((e.user_id, utc_day(e.ts))).or_insert_with(|| Some(HashSet::new()));
        if let Some(ids) = slot {
            ids.insert(e.event_id);
            if ids.len() as u64 >= min_events {
                *slot = None;
            }
        }
    }
    let mut active: HashMap<u64, Vec<Date>> = HashMap::new();
    for ((user, day), state) in per_day {
        if state.is_none() {
            active.entry(user).or_default().push(day);
        }
    }
    let mut out = HashMap::new();
    for (user, mut days) in active {
        days.sort_unstable();
        let mut best = Streak { days: 0, first_day: days[0] };
        let mut run = Streak { days: 0, first_day: days[0] };
        let mut prev: Option<Date> = None;
        for day in days {
            if prev.is_some_and(|p| add_days(p, 1) == day) {
                run.days += 1;
            } else {
                run = Streak { days: 1, first_day: day };
            }
            if run.days > best.days {
                best = run.clone();
            }
            prev = Some(day);
        }
        out.insert(user, best);
    }
    for (user, day) in first_seen {
        out.entry(user).or_insert(Streak { days: 0, first_day: day });
    }
    out
}
