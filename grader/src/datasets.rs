//! The DataFrame katas' datasets: which tables each takes, in which order,
//! and their columns. A description only: `tables` generates the rows, and
//! a stream's spec names its dataset.

use serde::{Deserialize, Serialize};

/// A column's type, as the engine will see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Int64,
    Utf8,
    Boolean,
}

impl ColumnType {
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::Int64 => "Int64",
            ColumnType::Utf8 => "Utf8",
            ColumnType::Boolean => "Boolean",
        }
    }
}

/// One column of a table. Every column may hold nulls.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColumnType,
}

/// A table's name and columns, in the order the engine sees them.
#[derive(Clone, Copy, Debug)]
pub struct TableSchema {
    pub name: &'static str,
    pub columns: &'static [Column],
}

const fn col(name: &'static str, ty: ColumnType) -> Column {
    Column { name, ty }
}
use ColumnType::{Boolean, Int64, Utf8};

const ORDERS: TableSchema = TableSchema {
    name: "orders",
    columns: &[col("order_id", Int64), col("customer_id", Int64), col("region", Utf8), col("order_ts", Int64)],
};
const PAYMENTS: TableSchema = TableSchema {
    name: "payments",
    columns: &[
        col("customer_id", Int64),
        col("region", Utf8),
        col("method", Utf8),
        col("is_primary", Boolean),
        col("added_ts", Int64),
    ],
};
const CLICKS: TableSchema = TableSchema {
    name: "clicks",
    columns: &[col("click_id", Int64), col("user_id", Int64), col("ts", Int64), col("page", Utf8)],
};
const SALES: TableSchema = TableSchema {
    name: "sales",
    columns: &[col("sale_id", Int64), col("store_id", Int64), col("amount_cents", Int64)],
};
const STORES: TableSchema = TableSchema { name: "stores", columns: &[col("store_id", Int64), col("city", Utf8)] };
const USERS: TableSchema = TableSchema { name: "users", columns: &[col("user_id", Int64), col("plan", Utf8)] };

/// A set of related input tables; the kata's entry function takes them as
/// DataFrames in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dataset {
    /// `orders` and `payments` of customers who shop in several regions.
    OrdersPayments,
    /// `clicks` of users browsing in bursts, gaps near half an hour.
    Clicks,
    /// A large `sales` table and a small `stores` table.
    SalesStores,
    /// `clicks` (one user holds most of them under `skew`) and `users`,
    /// too many to broadcast.
    ClicksUsers,
}

impl Dataset {
    pub const ALL: [Dataset; 4] =
        [Dataset::OrdersPayments, Dataset::Clicks, Dataset::SalesStores, Dataset::ClicksUsers];

    pub fn name(self) -> &'static str {
        match self {
            Dataset::OrdersPayments => "orders_payments",
            Dataset::Clicks => "clicks",
            Dataset::SalesStores => "sales_stores",
            Dataset::ClicksUsers => "clicks_users",
        }
    }

    /// The tables, in the order the entry function takes them.
    pub fn tables(self) -> &'static [TableSchema] {
        match self {
            Dataset::OrdersPayments => &[ORDERS, PAYMENTS],
            Dataset::Clicks => &[CLICKS],
            Dataset::SalesStores => &[SALES, STORES],
            Dataset::ClicksUsers => &[CLICKS, USERS],
        }
    }

    /// The column that relates rows across the tables (a customer's orders
    /// and payments): the shrinker removes whole keys before single rows.
    pub fn key_column(self) -> &'static str {
        match self {
            Dataset::OrdersPayments => "customer_id",
            Dataset::Clicks | Dataset::ClicksUsers => "user_id",
            Dataset::SalesStores => "store_id",
        }
    }

    pub fn schema(self, table: &str) -> Option<&'static TableSchema> {
        self.tables().iter().find(|t| t.name == table)
    }
}
