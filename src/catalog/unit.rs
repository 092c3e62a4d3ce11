//! What a case's size counts: one typed value for both the report's `unit`
//! (plural, as the JSON contract spells it: `events`, `rows`, `orders`) and
//! the noun of one record in sentences (`event`, `row`, `order`).

use harness::datasets::Dataset;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Unit {
    Events,
    Rows,
    Orders,
    Clicks,
    Sales,
}

impl Unit {
    /// What a DataFrame kata's case size counts: the rows of its dataset's
    /// first table.
    pub fn of_dataset(dataset: Dataset) -> Unit {
        match dataset {
            Dataset::OrdersPayments => Unit::Orders,
            Dataset::Clicks | Dataset::ClicksUsers => Unit::Clicks,
            Dataset::SalesStores => Unit::Sales,
        }
    }

    /// The unit as the report spells it (serde's spelling): `events`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// One record, in the singular: `event`.
    pub fn noun(self) -> &'static str {
        match self {
            Unit::Events => "event",
            Unit::Rows => "row",
            Unit::Orders => "order",
            Unit::Clicks => "click",
            Unit::Sales => "sale",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn a_unit_is_spelled_as_serde_spells_it_and_read_back() {
        for unit in Unit::iter() {
            let serde = serde_json::to_value(unit).unwrap();
            assert_eq!(serde.as_str(), Some(unit.name()));
            assert_eq!(serde_json::from_value::<Unit>(serde).unwrap(), unit);
        }
        assert_eq!(Unit::Events.name(), "events");
        assert_eq!(Unit::Orders.name(), "orders");
    }

    #[test]
    fn the_report_counts_records_in_the_plural_of_their_noun() {
        for unit in Unit::iter() {
            assert_eq!(unit.name(), format!("{}s", unit.noun()), "{unit:?}");
        }
        assert_eq!(Unit::of_dataset(Dataset::ClicksUsers).noun(), "click");
    }
}
