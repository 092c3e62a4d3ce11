//! Generated rows (JSON objects) into Arrow tables the engine can scan.

use datafusion::arrow::array::{ArrayRef, BooleanBuilder, Int64Builder, StringBuilder};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::catalog::MemTable;
use datafusion::dataframe::DataFrame;
use datafusion::error::Result;
use datafusion::execution::context::SessionContext;
use harness::rust_worker::Tables;
use harness::tables::{ColumnType, TableRow, TableSchema};
use serde_json::Value;
use std::sync::Arc;

/// Rows per input batch: several batches per table, as a scan would give.
const BATCH_ROWS: usize = 4096;

/// One DataFrame per table of the dataset, in the dataset's order.
pub fn frames(ctx: &SessionContext, tables: &Tables) -> Result<Vec<DataFrame>> {
    tables
        .dataset
        .tables()
        .iter()
        .map(|schema| {
            let rows: Vec<&TableRow> = tables.rows.iter().filter(|r| r.table == schema.name).collect();
            let arrow_schema = Arc::new(arrow_schema(schema));
            let mut batches = Vec::new();
            for chunk in rows.chunks(BATCH_ROWS) {
                batches.push(batch(schema, &arrow_schema, chunk)?);
            }
            if batches.is_empty() {
                batches.push(RecordBatch::new_empty(Arc::clone(&arrow_schema)));
            }
            let table = MemTable::try_new(arrow_schema, vec![batches])?;
            // Named, so that a join's columns read `orders.customer_id`.
            ctx.read_table(Arc::new(table))?.alias(schema.name)
        })
        .collect()
}

fn arrow_schema(schema: &TableSchema) -> Schema {
    Schema::new(
        schema
            .columns
            .iter()
            .map(|c| {
                let ty = match c.ty {
                    ColumnType::Int64 => DataType::Int64,
                    ColumnType::Utf8 => DataType::Utf8,
                    ColumnType::Boolean => DataType::Boolean,
                };
                Field::new(c.name, ty, true)
            })
            .collect::<Vec<_>>(),
    )
}

fn batch(schema: &TableSchema, arrow: &Arc<Schema>, rows: &[&TableRow]) -> Result<RecordBatch> {
    let columns: Vec<ArrayRef> = schema
        .columns
        .iter()
        .map(|c| {
            let values = rows.iter().map(|r| r.row.get(c.name).unwrap_or(&Value::Null));
            match c.ty {
                ColumnType::Int64 => {
                    let mut b = Int64Builder::with_capacity(rows.len());
                    values.for_each(|v| b.append_option(v.as_i64()));
                    Arc::new(b.finish()) as ArrayRef
                }
                ColumnType::Utf8 => {
                    let mut b = StringBuilder::new();
                    values.for_each(|v| b.append_option(v.as_str()));
                    Arc::new(b.finish())
                }
                ColumnType::Boolean => {
                    let mut b = BooleanBuilder::with_capacity(rows.len());
                    values.for_each(|v| b.append_option(v.as_bool()));
                    Arc::new(b.finish())
                }
            }
        })
        .collect();
    Ok(RecordBatch::try_new(Arc::clone(arrow), columns)?)
}
