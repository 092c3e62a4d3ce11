//! What a kata is, by kind: each kind holds only its own fields, and a
//! kata file that gives a field its kind does not have is refused.

use super::{PlanRules, Shape, TableRows};
use harness::tables::Dataset;
use std::collections::BTreeMap;

/// The kinds of kata.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A function of an event stream; its output a map, a list, an
    /// iterator's items or one value, as its shape says.
    Events { shape: Shape },
    /// A parser of loose rows: what parsed, and what was quarantined.
    Rows,
    /// A backfill job over a range of days, run by each case's procedure
    /// against a store of `table` rows.
    Backfill { table: TableRows },
    /// A resumable job, fed an hour of events at a time, its state
    /// checkpointed between chunks.
    Chunks,
    /// DataFrame logic over the tables of a dataset, with rules its
    /// executed plan must keep and the Spark settings it relies on.
    Tables { dataset: Dataset, plan: Option<PlanRules>, spark: BTreeMap<String, String> },
}

impl Kind {
    /// The call shape of the kind's entry function.
    pub fn shape(&self) -> Shape {
        match self {
            Kind::Events { shape } => *shape,
            Kind::Rows => Shape::RowsToSplit,
            Kind::Backfill { .. } => Shape::EventsToTable,
            Kind::Chunks => Shape::ChunksToList,
            Kind::Tables { .. } => Shape::DataFrames,
        }
    }

    /// A DataFrame kata's tables.
    pub fn dataset(&self) -> Option<Dataset> {
        match self {
            Kind::Tables { dataset, .. } => Some(*dataset),
            _ => None,
        }
    }

    /// A DataFrame kata's plan rules.
    pub fn plan(&self) -> Option<&PlanRules> {
        match self {
            Kind::Tables { plan, .. } => plan.as_ref(),
            _ => None,
        }
    }

    /// The Spark settings a DataFrame kata adds (none for other kinds).
    pub fn spark(&self) -> Option<&BTreeMap<String, String>> {
        match self {
            Kind::Tables { spark, .. } => Some(spark),
            _ => None,
        }
    }

    /// What a backfill kata's store holds.
    pub fn table(&self) -> Option<TableRows> {
        match self {
            Kind::Backfill { table } => Some(*table),
            _ => None,
        }
    }
}

/// The kind of a kata file's shape and kind-specific fields, or what
/// does not fit.
pub fn of(
    shape: Shape,
    dataset: Option<Dataset>,
    plan: Option<PlanRules>,
    spark: BTreeMap<String, String>,
    table: Option<TableRows>,
) -> Result<Kind, String> {
    let dataframes = shape == Shape::DataFrames;
    if dataframes != dataset.is_some() {
        let need = if dataframes { "needs" } else { "cannot have" };
        return Err(format!("a kata of shape {} {need} a `dataset`", shape.name()));
    }
    if plan.is_some() && !dataframes {
        return Err("only a kata of shape dataframes can have `[plan]` rules".into());
    }
    if !spark.is_empty() && !dataframes {
        return Err("only a kata of shape dataframes can have `[spark]` settings".into());
    }
    if table.is_some() && shape != Shape::EventsToTable {
        return Err("only a kata of shape events_to_table can say what its `table` holds".into());
    }
    Ok(match (shape, dataset) {
        (Shape::DataFrames, Some(dataset)) => Kind::Tables { dataset, plan, spark },
        (Shape::RowsToSplit, _) => Kind::Rows,
        (Shape::EventsToTable, _) => Kind::Backfill { table: table.unwrap_or_default() },
        (Shape::ChunksToList, _) => Kind::Chunks,
        (shape, _) => Kind::Events { shape },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_takes_only_its_own_fields() {
        let none = BTreeMap::new;
        assert_eq!(of(Shape::EventsToMap, None, None, none(), None), Ok(Kind::Events { shape: Shape::EventsToMap }));
        assert_eq!(
            of(Shape::EventsToTable, None, None, none(), None),
            Ok(Kind::Backfill { table: TableRows::DailyCounts })
        );
        assert!(of(Shape::EventsToList, None, None, none(), Some(TableRows::Events)).unwrap_err().contains("table"));
        assert!(of(Shape::DataFrames, None, None, none(), None).unwrap_err().contains("needs a `dataset`"));
        let spark = BTreeMap::from([("spark.x".to_string(), "1".to_string())]);
        assert!(of(Shape::ChunksToList, None, None, spark, None).unwrap_err().contains("[spark]"));
        assert_eq!(of(Shape::RowsToSplit, None, None, none(), None).map(|k| k.shape()), Ok(Shape::RowsToSplit));
    }
}
