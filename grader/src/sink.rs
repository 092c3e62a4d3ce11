//! Turns whatever a solution returns into canonical items and a digest.
//!
//! Every output item becomes a `serde_json::Value` (a map entry becomes
//! `{"key": k, "value": v}`). Its canonical text (object keys sorted, as
//! serde_json's map keeps them) is hashed; for order-free outputs the hashes
//! are combined with commutative operations, so an output of any size is
//! compared in constant memory and in any order. Small outputs also keep
//! their items for diffs, grain checks and float tolerance.

use crate::compare::sort_canonical;
use crate::prelude::{Quarantined, RawRow};
use crate::protocol::{Fault, Form, Order, OutputSummary, PlanReport, Problem, StateSeen};
use crate::rng::{fnv1a, mix64};
use serde::Serialize;
use serde_json::{Value, json};

/// Field names a quarantine error may name, beside the row's own keys.
const SCHEMA_FIELDS: [&str; 10] = [
    "user_id",
    "ts",
    "event_type",
    "amount",
    "userId",
    "event_time",
    "type",
    "amount_cents",
    "schema_version",
    "payload",
];

pub struct Sink {
    order: Order,
    problems: Vec<Problem>,
    problem_count: u64,
    count: u64,
    sum: u64,
    xor: u64,
    chain: u64,
    kept: Option<Vec<Value>>,
    faults: Vec<Fault>,
    plan: Option<PlanReport>,
    state: StateSeen,
    state_limit: Option<u64>,
}

impl Sink {
    pub fn new(order: Order, keep: bool) -> Sink {
        Sink {
            order,
            problems: Vec::new(),
            problem_count: 0,
            count: 0,
            sum: 0,
            xor: 0,
            chain: 0,
            kept: keep.then(Vec::new),
            faults: Vec::new(),
            plan: None,
            state: StateSeen::default(),
            state_limit: None,
        }
    }

    /// Resumable katas: stop feeding chunks once a checkpoint is larger
    /// than this.
    pub fn limit_state(&mut self, bytes: Option<u64>) {
        self.state_limit = bytes;
    }

    /// Notes the size of a checkpointed state after `events` records;
    /// false when it is over the limit and the run should stop.
    pub fn checkpoint(&mut self, bytes: u64, events: u64) -> bool {
        self.state.largest_bytes = self.state.largest_bytes.max(bytes);
        self.state.checkpoints += 1;
        if self.state_limit.is_some_and(|limit| bytes > limit) {
            self.state.stopped_after = Some(events);
            return false;
        }
        true
    }

    /// One chunk of a resumable job: the checkpoint it leaves for the next.
    pub fn saved(&mut self, checkpoint: String) {
        self.state.saved = Some(checkpoint);
    }

    /// The checkpoints a worker that streams its output saw itself.
    pub fn state_seen(&mut self, state: StateSeen) {
        self.state = state;
    }

    /// What the engine's physical plan did, for the judge's plan checks.
    pub fn plan(&mut self, plan: PlanReport) {
        self.plan = Some(plan);
    }

    /// A map-like output: `HashMap`, `BTreeMap`, or any iterator of pairs.
    pub fn map<I, K, V>(&mut self, entries: I)
    where
        I: IntoIterator<Item = (K, V)>,
        K: Serialize,
        V: Serialize,
    {
        for (k, v) in entries {
            self.push(json!({ "key": to_value(&k), "value": to_value(&v) }));
        }
    }

    /// A list-like output: a `Vec`, a set, or an iterator, drained here.
    pub fn list<I>(&mut self, items: I)
    where
        I: IntoIterator,
        I::Item: Serialize,
    {
        for item in items {
            self.push(to_value(&item));
        }
    }

    /// A single value, compared as a whole.
    pub fn value<T: Serialize>(&mut self, value: T) {
        self.push(to_value(&value));
    }

    /// A parse with a quarantine: the parsed rows, then which rows were
    /// quarantined (compared without the error text, which must be
    /// non-empty and name a field of the row or of the schema).
    pub fn split<P: Serialize>(&mut self, (parsed, quarantined): (Vec<P>, Vec<Quarantined>)) {
        for p in parsed {
            self.push(json!({ "parsed": to_value(&p) }));
        }
        for q in quarantined {
            self.quarantined(q.row, &q.error);
        }
    }

    /// One quarantined row and its error: the row is compared, the error
    /// must be non-empty and name a field, and the fields it names are kept
    /// for the judge (a learner's error must name a field the reference's
    /// error finds at fault too).
    pub fn quarantined(&mut self, row: RawRow, error: &str) {
        let fields = named_fields(error, &row);
        let row = Value::Object(row);
        if error.trim().is_empty() {
            self.problem(Problem::EmptyError { row: row.clone() });
        } else if fields.is_empty() {
            self.problem(Problem::NamesNoField { error: error.to_string(), row: row.clone() });
        }
        let mut shown = row.to_string();
        if shown.len() > 300 {
            let cut = (0..=300).rev().find(|i| shown.is_char_boundary(*i)).unwrap_or(0);
            shown.truncate(cut);
            shown.push_str("...");
        }
        self.faults.push(Fault { row: row_digest(&row), fields, shown: format!("{shown} (error {error:?})") });
        self.push(json!({ "quarantined": row }));
    }

    /// Items a worker streamed to the parent, treated as its own sink
    /// would treat the output they came from.
    pub fn streamed(&mut self, form: Form, items: Vec<Value>) {
        for item in items {
            match (form, item) {
                (Form::Split, Value::Object(mut o)) if o.contains_key("quarantined") => {
                    let error = match o.remove("error") {
                        Some(Value::String(e)) => e,
                        Some(other) => other.to_string(),
                        None => String::new(),
                    };
                    match o.remove("quarantined") {
                        Some(Value::Object(row)) => self.quarantined(row, &error),
                        Some(other) => self.push(json!({ "quarantined": other })),
                        None => {}
                    }
                }
                (_, item) => self.push(item),
            }
        }
    }

    /// Notes something wrong with the output that equality with the
    /// reference does not show (at most a few are kept).
    pub fn problem(&mut self, problem: Problem) {
        self.problem_count += 1;
        if self.problems.len() < 3 {
            self.problems.push(problem);
        }
    }

    pub fn push(&mut self, item: Value) {
        let h = mix64(fnv1a(item.to_string().as_bytes()));
        self.count += 1;
        self.sum = self.sum.wrapping_add(h);
        self.xor ^= mix64(h ^ 0xA5A5_A5A5_A5A5_A5A5);
        self.chain = mix64(self.chain ^ h).rotate_left(17);
        if let Some(kept) = &mut self.kept {
            kept.push(item);
        }
    }

    pub fn finish(self) -> OutputSummary {
        let digest = match self.order {
            Order::Free => format!("{:016x}{:016x}", self.sum, self.xor),
            Order::Ordered => format!("{:016x}", self.chain),
        };
        let kept = self.kept.map(|mut items| {
            sort_canonical(&mut items, self.order, 0.0);
            items
        });
        OutputSummary {
            items: self.count,
            digest,
            kept,
            problems: self.problems,
            problem_count: self.problem_count,
            faults: self.faults,
            plan: self.plan,
            state: self.state,
        }
    }
}

/// The schema fields and row keys that `error` names as whole words.
pub fn named_fields(error: &str, row: &RawRow) -> Vec<String> {
    let mut fields: Vec<String> =
        SCHEMA_FIELDS.iter().filter(|f| contains_word(error, f)).map(|f| f.to_string()).collect();
    for k in row.keys() {
        if !k.is_empty() && !fields.contains(k) && contains_word(error, k) {
            fields.push(k.clone());
        }
    }
    fields.sort();
    fields
}

/// The digest of one row's canonical text, to find it again.
pub fn row_digest(row: &Value) -> String {
    format!("{:016x}", mix64(fnv1a(row.to_string().as_bytes())))
}

/// Whether `word` occurs in `text` as a whole word: not inside a longer
/// identifier (so `ts` is not found in "counts").
fn contains_word(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// Converts an output item to JSON; an item serde cannot represent becomes
/// a string that says so (and will not match the reference).
pub fn to_value<T: Serialize + ?Sized>(item: &T) -> Value {
    serde_json::to_value(item).unwrap_or_else(|e| Value::String(format!("<cannot be shown as JSON: {e}>")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashMap};

    #[test]
    fn order_free_digest_ignores_order_but_not_content() {
        let mut a = Sink::new(Order::Free, false);
        a.list(vec![1, 2, 3]);
        let mut b = Sink::new(Order::Free, false);
        b.list(vec![3, 1, 2]);
        let mut c = Sink::new(Order::Free, false);
        c.list(vec![3, 1, 1]);
        assert_eq!(a.finish().digest, b.finish().digest);
        assert_ne!(Sink::new(Order::Free, false).finish().digest, c.finish().digest);
    }

    #[test]
    fn ordered_digest_sees_order() {
        let mut a = Sink::new(Order::Ordered, false);
        a.list(vec![1, 2]);
        let mut b = Sink::new(Order::Ordered, false);
        b.list(vec![2, 1]);
        assert_ne!(a.finish().digest, b.finish().digest);
    }

    #[test]
    fn field_names_match_as_whole_words() {
        assert!(contains_word("ts is missing", "ts"));
        assert!(contains_word("bad `ts`: \"x\"", "ts"));
        assert!(!contains_word("its value counts", "ts"));
        assert!(contains_word("wrong type", "type"));
        assert!(!contains_word("event_type is bad", "type"));
    }

    #[test]
    fn hash_map_and_btree_map_agree() {
        let h: HashMap<(u64, String), u64> = [((1, "a".to_string()), 2), ((2, "b".to_string()), 5)].into();
        let b: BTreeMap<(u64, String), u64> = h.clone().into_iter().collect();
        let mut x = Sink::new(Order::Free, true);
        x.map(h);
        let mut y = Sink::new(Order::Free, true);
        y.map(b);
        let (x, y) = (x.finish(), y.finish());
        assert_eq!(x, y);
        assert_eq!(x.kept.unwrap()[0], json!({"key": [1, "a"], "value": 2}));
    }
}
