//! Seeded input tables for the DataFrame katas.
//!
//! A [`Dataset`] is a fixed set of related tables (orders and the payment
//! methods of the same customers, say), described by their schemas and made
//! row by row from a [`StreamSpec`]: the seed, the edge-case families and the
//! size of the first table. Rows are plain JSON objects, so the harness can
//! shrink them like any other record; the engine side (`grader-df`) turns
//! them into Arrow tables. Nothing here links the engine.

use crate::rng::Rng;
use crate::streams::{Family, StreamSpec};
use serde_json::{Map, Value, json};

pub use crate::datasets::{Column, ColumnType, Dataset, TableSchema};

/// One generated row and the table it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub table: &'static str,
    pub row: Map<String, Value>,
}

impl TableRow {
    /// The row as a counterexample shows it: `{"orders": {...}}`.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert(self.table.to_string(), Value::Object(self.row.clone()));
        Value::Object(m)
    }
}

const REGIONS: [&str; 4] = ["eu", "us", "apac", "latam"];
const METHODS: [&str; 5] = ["apple_pay", "bank_transfer", "card", "gift_card", "paypal"];
const PAGES: [&str; 5] = ["/", "/search", "/product", "/cart", "/checkout"];
const CITIES: [&str; 12] =
    ["Berlin", "Lagos", "Lima", "Lisbon", "Mumbai", "Osaka", "Oslo", "Paris", "Quito", "Seoul", "Sydney", "Toronto"];
const PLANS: [&str; 4] = ["enterprise", "free", "pro", "team"];
/// Session katas cut at 30 minutes: gaps cluster around that edge.
const CLICK_GAPS: [i64; 8] = [5, 40, 600, 1_799, 1_800, 1_801, 3_600, 86_400];
/// Stores in `sales_stores`; users in `clicks_users`.
pub const STORE_COUNT: u64 = 200;
pub const USER_COUNT: u64 = 20_000;

/// Every row of every table of the dataset, table by table. The rows of
/// each table come in random order: a DataFrame has no order to rely on.
pub fn generate(dataset: Dataset, spec: &StreamSpec) -> Vec<TableRow> {
    let mut g = Gen { rng: Rng::derive(spec.seed, dataset.name()), spec, out: Vec::new() };
    match dataset {
        Dataset::OrdersPayments => g.orders_payments(),
        Dataset::Clicks => g.clicks(false),
        Dataset::SalesStores => g.sales_stores(),
        Dataset::ClicksUsers => g.clicks(true),
    }
    let mut rng = Rng::derive(spec.seed, "table-order");
    let mut rows = g.out;
    // Shuffle within each table, keeping tables in schema order.
    let mut start = 0;
    while start < rows.len() {
        let table = rows[start].table;
        let end = start + rows[start..].iter().take_while(|r| r.table == table).count();
        rng.shuffle(&mut rows[start..end]);
        start = end;
    }
    rows
}

struct Gen<'a> {
    rng: Rng,
    spec: &'a StreamSpec,
    out: Vec<TableRow>,
}

impl Gen<'_> {
    fn has(&self, f: Family) -> bool {
        self.spec.has(f)
    }

    fn push(&mut self, table: &'static str, row: Value) {
        let Value::Object(row) = row else { unreachable!("rows are objects") };
        self.out.push(TableRow { table, row });
    }

    /// How many distinct keys (customers, users) a table of `n` rows
    /// spreads over: the stream's `users`, or about one per row under
    /// `high_cardinality`.
    fn keys(&self, n: u64) -> u64 {
        if self.has(Family::HighCardinality) { n.max(1) } else { self.spec.params.users.max(1) }
    }

    /// A key in `1..=keys`, or the hot key under `skew`.
    fn key(&mut self, keys: u64) -> i64 {
        if self.has(Family::Skew) && self.rng.chance(self.spec.params.skew_share) {
            self.spec.params.hot_user as i64
        } else {
            1 + self.rng.below(keys) as i64
        }
    }

    /// A timestamp within about a month, coarse (whole days) under `ties`
    /// so that rows of one key collide.
    fn time(&mut self) -> i64 {
        let start = self.spec.params.start_ts;
        if self.has(Family::Ties) && self.rng.chance(self.spec.params.tie_rate) {
            start + 86_400 * self.rng.below(3) as i64
        } else {
            start + self.rng.below(30 * 86_400) as i64
        }
    }

    /// `value`, or null for `corrupt_rate / 4` of the rows under
    /// `missing_fields`: a value a table may lack beside its keys (an id,
    /// a time, an amount, a city), or in `orders_payments` the join keys
    /// themselves (`customer_id`, `region`). Draws nothing without the
    /// family, so the other streams stay as they were.
    fn or_null(&mut self, value: Value) -> Value {
        if self.has(Family::MissingFields) && self.rng.chance(self.spec.params.corrupt_rate / 4.0) {
            Value::Null
        } else {
            value
        }
    }

    fn orders_payments(&mut self) {
        let n = self.spec.len();
        let customers = self.keys(n);
        // Every customer shops mostly in a home region; some elsewhere too.
        let home = |c: i64| REGIONS[(c as usize) % REGIONS.len()];
        let mut order_id = 0i64;
        let mut made = 0;
        let mut ordered: Vec<i64> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while made < n {
            order_id += 1 + self.rng.below(3) as i64;
            let customer = self.key(customers);
            if seen.insert(customer) {
                ordered.push(customer);
            }
            let region = if self.rng.chance(0.3) { *self.rng.pick(&REGIONS) } else { home(customer) };
            let ts = self.time();
            // Under `missing_fields`, an order may lack its customer or its
            // region (the join keys): null-safe joins need nulls on both sides.
            let (customer_value, region) = (self.or_null(json!(customer)), self.or_null(json!(region)));
            let order = json!({"order_id": order_id, "customer_id": customer_value, "region": region, "order_ts": ts});
            self.push("orders", order.clone());
            made += 1;
            if self.has(Family::Retries) && made < n && self.rng.chance(self.spec.params.retry_rate) {
                self.push("orders", order);
                made += 1;
            }
        }
        // Payment methods: none for some customers, several for others, in
        // the home region and in regions where the customer never ordered;
        // and a few customers who never ordered at all.
        let strangers = (1..=3).map(|i| customers as i64 + i);
        let payers: Vec<i64> = ordered.into_iter().chain(strangers).collect();
        for customer in payers {
            let count = if customer as u64 == self.spec.params.hot_user && self.has(Family::Skew) {
                6
            } else {
                self.rng.below(4)
            };
            for _ in 0..count {
                let region = if self.rng.chance(0.7) { home(customer) } else { *self.rng.pick(&REGIONS) };
                let primary = if self.has(Family::Nulls) && self.rng.chance(self.spec.params.null_rate) {
                    Value::Null
                } else {
                    json!(self.rng.chance(0.5))
                };
                let method = *self.rng.pick(&METHODS);
                let added = self.time();
                let (customer, region) = (self.or_null(json!(customer)), self.or_null(json!(region)));
                self.push(
                    "payments",
                    json!({"customer_id": customer, "region": region, "method": method, "is_primary": primary, "added_ts": added}),
                );
            }
        }
    }

    /// Clicks of users browsing in bursts; with `users`, the users table too.
    fn clicks(&mut self, with_users: bool) {
        let n = self.spec.len();
        let users = if with_users { USER_COUNT } else { self.keys(n) };
        let mut clock: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
        let start = self.spec.params.start_ts;
        for i in 0..n {
            let user = self.key(users);
            let gap = if self.has(Family::Ties) && self.rng.chance(self.spec.params.tie_rate / 2.0) {
                0
            } else {
                *self.rng.pick(&CLICK_GAPS)
            };
            let t = clock.entry(user).or_insert_with(|| start + (user % 97) * 60);
            *t += gap;
            let ts = *t;
            let user_value = if self.has(Family::Nulls) && self.rng.chance(self.spec.params.null_rate / 4.0) {
                Value::Null
            } else if with_users && self.rng.chance(0.01) {
                json!(USER_COUNT as i64 + 1 + self.rng.below(100) as i64) // a user the table does not know
            } else {
                json!(user)
            };
            let page = *self.rng.pick(&PAGES);
            let (click_id, ts, page) =
                (self.or_null(json!(i as i64 + 1)), self.or_null(json!(ts)), self.or_null(json!(page)));
            self.push("clicks", json!({"click_id": click_id, "user_id": user_value, "ts": ts, "page": page}));
        }
        if with_users {
            for user in 1..=USER_COUNT as i64 {
                let plan = if self.has(Family::Nulls) && self.rng.chance(self.spec.params.null_rate / 4.0) {
                    Value::Null
                } else {
                    json!(*self.rng.pick(&PLANS))
                };
                self.push("users", json!({"user_id": user, "plan": plan}));
            }
        }
    }

    fn sales_stores(&mut self) {
        let n = self.spec.len();
        for i in 0..n {
            let store = if self.has(Family::Nulls) && self.rng.chance(self.spec.params.null_rate / 4.0) {
                Value::Null
            } else if self.rng.chance(0.02) {
                json!(STORE_COUNT as i64 + 1 + self.rng.below(10) as i64) // a store that closed
            } else {
                json!(self.key(STORE_COUNT))
            };
            let amount = 100 + self.rng.below(20_000) as i64;
            let (sale_id, amount) = (self.or_null(json!(i as i64 + 1)), self.or_null(json!(amount)));
            self.push("sales", json!({"sale_id": sale_id, "store_id": store, "amount_cents": amount}));
        }
        for store in 1..=STORE_COUNT as i64 {
            let city = *self.rng.pick(&CITIES);
            let city = self.or_null(json!(city));
            self.push("stores", json!({"store_id": store, "city": city}));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets::ColumnType::{Boolean, Int64, Utf8};
    use crate::streams::{RecordKind, StreamParams};

    fn spec(families: &[Family], events: u64) -> StreamSpec {
        StreamSpec {
            record: RecordKind::Tables,
            seed: 7,
            events,
            families: families.to_vec(),
            params: StreamParams::default(),
            dataset: Some(Dataset::OrdersPayments),
        }
    }

    #[test]
    fn same_seed_same_tables() {
        for d in Dataset::ALL {
            let s = spec(&[Family::Nulls, Family::Ties, Family::Skew], 300);
            assert_eq!(generate(d, &s), generate(d, &s), "{}", d.name());
        }
    }

    #[test]
    fn rows_match_their_schema() {
        for d in Dataset::ALL {
            for row in generate(d, &spec(&[Family::Nulls, Family::Retries], 200)) {
                let schema = d.schema(row.table).expect("a known table");
                let names: Vec<&str> = schema.columns.iter().map(|c| c.name).collect();
                let keys: Vec<&str> = row.row.keys().map(String::as_str).collect();
                let mut sorted = names.clone();
                sorted.sort();
                assert_eq!(keys, sorted, "{}", row.table);
                for c in schema.columns {
                    let v = &row.row[c.name];
                    let ok = v.is_null()
                        || match c.ty {
                            Int64 => v.is_i64(),
                            Utf8 => v.is_string(),
                            Boolean => v.is_boolean(),
                        };
                    assert!(ok, "{}.{} = {v}", row.table, c.name);
                }
            }
        }
    }

    #[test]
    fn orders_cover_the_awkward_cases() {
        let rows = generate(Dataset::OrdersPayments, &spec(&[Family::Nulls, Family::Ties], 2_000));
        let payments: Vec<&TableRow> = rows.iter().filter(|r| r.table == "payments").collect();
        assert!(payments.iter().any(|p| p.row["is_primary"].is_null()));
        let orders: Vec<&TableRow> = rows.iter().filter(|r| r.table == "orders").collect();
        assert_eq!(orders.len(), 2_000);
        // A customer with orders in two regions.
        let mut regions: std::collections::HashMap<i64, std::collections::HashSet<&str>> = Default::default();
        for o in &orders {
            regions
                .entry(o.row["customer_id"].as_i64().unwrap())
                .or_default()
                .insert(o.row["region"].as_str().unwrap());
        }
        assert!(regions.values().any(|r| r.len() > 1));
    }

    #[test]
    fn missing_fields_nulls_the_values_beside_the_keys_and_only_then() {
        let nulls = |d: Dataset, families: &[Family], table: &str, column: &str| {
            generate(d, &spec(families, 2_000)).iter().filter(|r| r.table == table && r.row[column].is_null()).count()
        };
        for (d, table, column) in [
            (Dataset::Clicks, "clicks", "click_id"),
            (Dataset::Clicks, "clicks", "ts"),
            (Dataset::ClicksUsers, "clicks", "click_id"),
            (Dataset::SalesStores, "sales", "sale_id"),
            (Dataset::SalesStores, "sales", "amount_cents"),
            (Dataset::SalesStores, "stores", "city"),
            (Dataset::OrdersPayments, "orders", "customer_id"),
            (Dataset::OrdersPayments, "orders", "region"),
            (Dataset::OrdersPayments, "payments", "customer_id"),
            (Dataset::OrdersPayments, "payments", "region"),
        ] {
            assert!(nulls(d, &[Family::MissingFields], table, column) > 0, "{table}.{column}");
            assert_eq!(nulls(d, &[Family::Nulls], table, column), 0, "{table}.{column}");
        }
        // Without the family, the tables are the ones made before it existed.
        let s = spec(&[Family::Nulls, Family::Skew], 300);
        let with = spec(&[Family::Nulls, Family::Skew, Family::MissingFields], 300);
        assert_ne!(generate(Dataset::SalesStores, &s), generate(Dataset::SalesStores, &with));
    }

    #[test]
    fn skew_gives_the_hot_user_most_clicks() {
        let mut s = spec(&[Family::Skew], 10_000);
        s.params.skew_share = 0.7;
        let rows = generate(Dataset::ClicksUsers, &s);
        let hot = rows.iter().filter(|r| r.table == "clicks" && r.row["user_id"] == json!(1)).count();
        assert!((6_500..7_500).contains(&hot), "{hot}");
        assert_eq!(rows.iter().filter(|r| r.table == "users").count() as u64, USER_COUNT);
    }
}
