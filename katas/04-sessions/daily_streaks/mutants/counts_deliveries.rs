//! expect: wrong_answer
//! Counts deliveries per day instead of distinct event ids: a retry makes
//! a day with a single event reach `min_events`.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u64,
    pub first_day: Date,
}

pub fn daily_streaks(events: impl Iterator<Item = Event>, min_events: u64) -> HashMap<u64, Streak> {
    let mut per_day: HashMap<(u64, Date), u64> = HashMap::new();
    for e in events {
        *per_day.entry((e.user_id, utc_day(e.ts))).or_default() += 1;
    }
    let mut active: HashMap<u64, Vec<Date>> = HashMap::new();
    for ((user, day), n) in per_day {
        if n >= min_events {
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
    out
}
