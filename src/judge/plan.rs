//! Holding a DataFrame kata's executed plan against the kata's `[plan]`
//! rules: broadcast only what fits the budget, shuffle no more than the
//! budget through a join, and let no hash repartition put too large a share
//! of its rows on one partition. Pure: a plan report in, facts out.

use crate::catalog::{PlanRules, Question};
use harness::protocol::{JoinSeen, PlanReport, RepartitionSeen};

/// A broken plan rule, with what was seen.
#[derive(Clone, Debug, PartialEq)]
pub enum Broken {
    /// The query lowered the engine's partitions.
    FewerPartitions { graded: u64, planned: u64 },
    /// The query changed another session setting the grader fixes (Spark:
    /// a broadcast threshold, a kata's own setting).
    SettingChanged { key: String, graded: String, now: Option<String> },
    /// A broadcast collected more rows than the budget.
    BroadcastTooLarge { on: String, rows: u64, budget: u64 },
    /// A shuffled join moved more rows than the budget, though a side fit
    /// the broadcast budget.
    BroadcastMissing { on: String, mode: String, moved: u64, small: u64, budget: u64 },
    /// A hash repartition sent too large a share of its rows to one
    /// partition.
    Skew { on: String, stage: Option<u64>, largest: u64, total: u64, partitions: Vec<u64>, bound: f64 },
    /// The answer was not computed by the engine: the plan reads none of
    /// these input tables, or carries the rows as literals (collected,
    /// worked out on the driver, sent back with `createDataFrame`).
    OutsideEngine { not_read: Vec<String>, literal_rows: u64, plan_bytes: u64 },
    /// A join without keys (a cartesian product) over sides too large to
    /// broadcast: every row of one side meets every row of the other.
    LoopJoin { mode: String, moved: u64, budget: u64 },
}

/// The most rows a plan may carry as literal tables: a small lookup
/// written in the query, never a table of answers.
pub const LITERAL_ROWS: u64 = 16;

/// The largest plan a learner's code may send (Spark Connect's message):
/// a query is a few kilobytes; data inlined as literals, or in a UDF's
/// closure, makes it larger.
pub const PLAN_BYTES: u64 = 64 * 1024;

impl Broken {
    /// The follow-up question this finding puts (the case's own question
    /// for skew, which the kata words).
    pub fn question(&self) -> Option<Question> {
        let text = match self {
            Broken::FewerPartitions { .. } => PARTITIONS_QUESTION,
            Broken::SettingChanged { .. } => SETTINGS_QUESTION,
            Broken::BroadcastTooLarge { .. } => BROADCAST_MEMORY_QUESTION,
            Broken::BroadcastMissing { .. } => BROADCAST_QUESTION,
            Broken::Skew { .. } => return None,
            Broken::OutsideEngine { .. } => OUTSIDE_QUESTION,
            Broken::LoopJoin { .. } => LOOP_JOIN_QUESTION,
        };
        Some(Question::plan(text))
    }
}

pub const BROADCAST_QUESTION: &str = "One side of this join is tiny: why shuffle the big one across the cluster?";
pub const PARTITIONS_QUESTION: &str = "How does this plan run on a cluster of many executors?";
pub const SETTINGS_QUESTION: &str =
    "On a shared cluster the session's settings are not yours to change: how do you get this plan without them?";
pub const OUTSIDE_QUESTION: &str = "The tables have ten million rows on a cluster: where does this query do its work?";
pub const LOOP_JOIN_QUESTION: &str = "How many row pairs does this join compare when both tables are large?";
pub const BROADCAST_MEMORY_QUESTION: &str =
    "What happens when the table you broadcast does not fit in an executor's memory?";

/// Whether the answer was worked out outside the engine: a plan that does
/// not read every input table, or that carries the answer as literal rows.
/// Every DataFrame kata asks for an answer computed by its engine, whether
/// or not it has plan rules.
pub fn outside_engine(plan: &PlanReport) -> Option<Broken> {
    (!plan.inputs_not_read.is_empty() || plan.literal_rows > LITERAL_ROWS || plan.plan_bytes > PLAN_BYTES).then(|| {
        Broken::OutsideEngine {
            not_read: plan.inputs_not_read.clone(),
            literal_rows: plan.literal_rows,
            plan_bytes: plan.plan_bytes,
        }
    })
}

/// The first rule the plan breaks, if any.
pub fn check(rules: &PlanRules, plan: &PlanReport) -> Option<Broken> {
    if plan.target_partitions < plan.graded_partitions {
        return Some(Broken::FewerPartitions { graded: plan.graded_partitions, planned: plan.target_partitions });
    }
    if let Some(changed) = plan.settings_changed.first() {
        return Some(Broken::SettingChanged {
            key: changed.key.clone(),
            graded: changed.graded.clone(),
            now: changed.now.clone(),
        });
    }
    if let Some(outside) = outside_engine(plan) {
        return Some(outside);
    }
    for join in &plan.joins {
        // A join without keys that was not broadcast pairs every row of
        // one side with every row of the other across the cluster.
        if join.mode == "CartesianProduct"
            && let Some(limit) = rules.max_shuffled_join_rows.or(rules.broadcast_budget_rows)
            && join.build_rows + join.probe_rows > limit
        {
            return Some(Broken::LoopJoin {
                mode: join.mode.clone(),
                moved: join.build_rows + join.probe_rows,
                budget: rules.broadcast_budget_rows.unwrap_or(limit),
            });
        }
        if let Some(budget) = rules.broadcast_budget_rows
            && join.broadcast()
            && join.build_rows > budget
        {
            return Some(Broken::BroadcastTooLarge { on: on(join), rows: join.build_rows, budget });
        }
        if let (Some(limit), true) = (rules.max_shuffled_join_rows, join.shuffled()) {
            let moved = join.build_rows + join.probe_rows;
            if moved > limit {
                return Some(Broken::BroadcastMissing {
                    on: on(join),
                    mode: join.mode.clone(),
                    moved,
                    small: join.build_rows.min(join.probe_rows),
                    budget: rules.broadcast_budget_rows.unwrap_or(limit),
                });
            }
        }
    }
    let bound = rules.max_partition_share?;
    let worst = plan
        .repartitions
        .iter()
        .filter(|r| r.partitions.iter().sum::<u64>() >= rules.share_min_rows.max(1))
        .max_by(|a, b| share(a).total_cmp(&share(b)))?;
    let (largest, total) = (worst.partitions.iter().copied().max().unwrap_or(0), worst.partitions.iter().sum::<u64>());
    (share(worst) > bound).then(|| Broken::Skew {
        on: worst.on.clone(),
        stage: worst.stage,
        largest,
        total,
        partitions: worst.partitions.clone(),
        bound,
    })
}

/// A join's keys, or that it has none.
pub fn on(join: &JoinSeen) -> String {
    if join.on.is_empty() { "(with no keys)".to_string() } else { format!("on {}", join.on) }
}

fn share(r: &RepartitionSeen) -> f64 {
    let total = r.partitions.iter().sum::<u64>();
    if total == 0 { 0.0 } else { r.partitions.iter().copied().max().unwrap_or(0) as f64 / total as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(mode: &str, build: u64, probe: u64) -> JoinSeen {
        JoinSeen { mode: mode.into(), on: "store_id@0 = store_id@1".into(), build_rows: build, probe_rows: probe }
    }

    fn rules() -> PlanRules {
        PlanRules {
            broadcast_budget_rows: Some(10_000),
            max_shuffled_join_rows: Some(10_000),
            max_partition_share: Some(0.45),
            share_min_rows: 1_000,
        }
    }

    #[test]
    fn a_small_broadcast_passes_and_a_large_one_does_not() {
        let ok = PlanReport { joins: vec![join("CollectLeft", 200, 50_000)], ..Default::default() };
        assert_eq!(check(&rules(), &ok), None);
        let big = PlanReport { joins: vec![join("CollectLeft", 50_000, 200)], ..Default::default() };
        let f = check(&rules(), &big).unwrap();
        assert!(matches!(f, Broken::BroadcastTooLarge { rows: 50_000, budget: 10_000, .. }), "{f:?}");
        assert_eq!(f.question().map(|q| q.text), Some(BROADCAST_MEMORY_QUESTION.to_string()));
        let spark = PlanReport { joins: vec![join("BroadcastHashJoin", 50_000, 200)], ..Default::default() };
        assert!(matches!(check(&rules(), &spark), Some(Broken::BroadcastTooLarge { .. })));
    }

    #[test]
    fn a_shuffled_join_over_the_budget_asks_for_a_broadcast() {
        let plan = PlanReport { joins: vec![join("Partitioned", 200, 50_000)], ..Default::default() };
        assert!(matches!(check(&rules(), &plan), Some(Broken::BroadcastMissing { moved: 50_200, small: 200, .. })));
        let smj = PlanReport { joins: vec![join("SortMergeJoin", 200, 50_000)], ..Default::default() };
        assert!(matches!(check(&rules(), &smj), Some(Broken::BroadcastMissing { .. })));
        let small = PlanReport { joins: vec![join("Partitioned", 20, 500)], ..Default::default() };
        assert_eq!(check(&rules(), &small), None);
    }

    #[test]
    fn an_answer_made_outside_the_engine_is_refused() {
        let unread = PlanReport { inputs_not_read: vec!["stores".into()], ..Default::default() };
        let f = check(&rules(), &unread).unwrap();
        assert!(matches!(&f, Broken::OutsideEngine { not_read, .. } if not_read == &["stores".to_string()]), "{f:?}");
        assert_eq!(f.question().map(|q| q.text), Some(OUTSIDE_QUESTION.to_string()));
        let literal = PlanReport { literal_rows: LITERAL_ROWS + 1, ..Default::default() };
        assert!(matches!(check(&rules(), &literal), Some(Broken::OutsideEngine { .. })));
        let heavy = PlanReport { plan_bytes: PLAN_BYTES + 1, ..Default::default() };
        assert!(matches!(check(&rules(), &heavy), Some(Broken::OutsideEngine { .. })));
        let lookup = PlanReport { literal_rows: LITERAL_ROWS, plan_bytes: 4_000, ..Default::default() };
        assert_eq!(check(&rules(), &lookup), None);
        // A kata without plan rules refuses it all the same.
        assert!(matches!(outside_engine(&unread), Some(Broken::OutsideEngine { .. })));
        assert!(matches!(outside_engine(&literal), Some(Broken::OutsideEngine { .. })));
        assert_eq!(outside_engine(&lookup), None);
    }

    #[test]
    fn a_cartesian_product_is_judged_as_a_join() {
        let mut cross = join("CartesianProduct", 200, 50_000);
        cross.on = String::new();
        let plan = PlanReport { joins: vec![cross.clone()], ..Default::default() };
        let f = check(&rules(), &plan).unwrap();
        assert!(matches!(f, Broken::LoopJoin { moved: 50_200, .. }), "{f:?}");
        assert_eq!(f.question().map(|q| q.text), Some(LOOP_JOIN_QUESTION.to_string()));
        // Broadcasting the small side of a join without keys is fine.
        let mut nested = cross;
        nested.mode = "BroadcastNestedLoopJoin".into();
        let plan = PlanReport { joins: vec![nested], ..Default::default() };
        assert_eq!(check(&rules(), &plan), None);
    }

    #[test]
    fn fewer_partitions_than_graded_is_refused() {
        let plan = PlanReport { target_partitions: 1, graded_partitions: 4, ..Default::default() };
        assert_eq!(check(&rules(), &plan), Some(Broken::FewerPartitions { graded: 4, planned: 1 }));
        let fine = PlanReport { target_partitions: 4, graded_partitions: 4, ..Default::default() };
        assert_eq!(check(&rules(), &fine), None);
    }

    #[test]
    fn a_changed_setting_is_refused_and_lowered_partitions_keep_their_words() {
        use harness::protocol::SettingChanged;
        let threshold = SettingChanged {
            key: "spark.sql.autoBroadcastJoinThreshold".into(),
            graded: "-1".into(),
            now: Some("10485760".into()),
        };
        let plan = PlanReport {
            target_partitions: 4,
            graded_partitions: 4,
            settings_changed: vec![threshold],
            ..Default::default()
        };
        let f = check(&rules(), &plan).unwrap();
        assert!(matches!(&f, Broken::SettingChanged { key, .. } if key == "spark.sql.autoBroadcastJoinThreshold"));
        assert_eq!(f.question().map(|q| q.text), Some(SETTINGS_QUESTION.to_string()));
        let fewer = PlanReport {
            target_partitions: 1,
            graded_partitions: 4,
            settings_changed: vec![SettingChanged {
                key: "spark.sql.shuffle.partitions".into(),
                graded: "4".into(),
                now: Some("1".into()),
            }],
            ..Default::default()
        };
        assert_eq!(check(&rules(), &fewer), Some(Broken::FewerPartitions { graded: 4, planned: 1 }));
    }

    #[test]
    fn skew_names_every_partition() {
        let r = |p: Vec<u64>| RepartitionSeen { on: "user_id@1".into(), partitions: p, stage: None };
        let plan = PlanReport {
            repartitions: vec![r(vec![7_000, 1_000, 1_000, 1_000]), r(vec![1, 0, 0, 0])],
            ..Default::default()
        };
        let f = check(&rules(), &plan).unwrap();
        assert!(matches!(f, Broken::Skew { largest: 7_000, total: 10_000, .. }), "{f:?}");
        let even = PlanReport { repartitions: vec![r(vec![2_600, 2_400, 2_500, 2_500])], ..Default::default() };
        assert_eq!(check(&rules(), &even), None);
    }
}
