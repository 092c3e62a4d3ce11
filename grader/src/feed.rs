//! Feeding a worker that does not generate its own input (a Python
//! worker): the records of a stream or a selection, as the protocol's feed
//! lines (`protocol::FeedLine` as JSON), a batch of records a line.
//!
//! The encoding lives here, not in the `dekata` command, so that it is
//! compiled with the grader's optimisations whatever profile dekata is
//! built with: a memory case feeds hundreds of thousands of records.

use crate::rust_worker::{Record, materialise};
use crate::streams::{EventStream, RecordKind, RowStream, StreamSpec};

/// Records per feed line.
pub const BATCH: usize = 1024;

/// The line that ends one copy of the input.
pub const END_LINE: &[u8] = b"\"end\"\n";

/// A stream's records, lazily where its generator is lazy.
pub fn records(spec: &StreamSpec) -> Box<dyn Iterator<Item = Record>> {
    match spec.record {
        RecordKind::Events => Box::new(EventStream::new(spec).map(Record::Event)),
        RecordKind::Rows => Box::new(RowStream::new(spec).map(Record::Row)),
        RecordKind::Tables => Box::new(materialise(spec).into_iter()),
    }
}

/// The line that ends one chunk of a resumable job's input.
pub const CUT_LINE: &[u8] = b"\"cut\"\n";

/// Sends every record of `records` as feed lines, then the end line.
pub fn send(
    records: impl Iterator<Item = Record>,
    send: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    send_lines(records, false, send)
}

/// As [`send`], with a cut line between records of different chunks
/// ([`crate::chunks`]), for a worker that chunks a resumable job's input.
pub fn send_chunked(
    records: impl Iterator<Item = Record>,
    send: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    send_lines(records, true, send)
}

fn send_lines(
    records: impl Iterator<Item = Record>,
    cuts: bool,
    send: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut line = Vec::with_capacity(BATCH * 160 + 16);
    let mut in_line = 0;
    let mut chunk = None;
    for record in records {
        if cuts {
            let this = record.chunk();
            if chunk.is_some_and(|c| c != this) {
                close_batch(&mut line, &mut in_line, send)?;
                send(CUT_LINE)?;
            }
            chunk = Some(this);
        }
        if in_line == 0 {
            line.extend_from_slice(b"{\"batch\":[");
        } else {
            line.push(b',');
        }
        write_record(&mut line, &record);
        in_line += 1;
        if in_line == BATCH {
            close_batch(&mut line, &mut in_line, send)?;
        }
    }
    close_batch(&mut line, &mut in_line, send)?;
    send(END_LINE)
}

/// Sends the batch line being written, if it holds a record, and starts
/// the next one empty.
fn close_batch(
    line: &mut Vec<u8>,
    in_line: &mut usize,
    send: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if *in_line == 0 {
        return Ok(());
    }
    line.extend_from_slice(b"]}\n");
    send(line)?;
    line.clear();
    *in_line = 0;
    Ok(())
}

/// Answers a worker's pulls from sorted streams ([`crate::partitions`]):
/// the next line of stream `s`, a batch of up to [`BATCH`] events or, once
/// it is spent (or does not exist), the end line.
pub fn puller(streams: Vec<Vec<crate::prelude::Event>>) -> impl FnMut(u32) -> Vec<u8> + Send {
    let mut streams: Vec<std::vec::IntoIter<crate::prelude::Event>> = streams.into_iter().map(Vec::into_iter).collect();
    move |s| {
        let Some(stream) = streams.get_mut(s as usize) else { return END_LINE.to_vec() };
        let mut line = Vec::with_capacity(BATCH * 160 + 16);
        let mut in_line = 0;
        for event in stream.by_ref().take(BATCH) {
            line.extend_from_slice(if in_line == 0 { b"{\"batch\":[" } else { b"," });
            write_record(&mut line, &Record::Event(event));
            in_line += 1;
        }
        if in_line == 0 {
            return END_LINE.to_vec();
        }
        line.extend_from_slice(b"]}\n");
        line
    }
}

/// A record as a feed sends it: events and rows as their objects, table
/// rows as `{"table": name, "row": {...}}`.
fn write_record(line: &mut Vec<u8>, record: &Record) {
    let written = match record {
        Record::Event(e) => serde_json::to_writer(&mut *line, e),
        Record::Row(r) => serde_json::to_writer(&mut *line, r),
        Record::Table(t) => serde_json::to_writer(&mut *line, &serde_json::json!({ "table": t.table, "row": &t.row })),
    };
    if written.is_err() {
        line.extend_from_slice(b"null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::FeedLine;

    fn lines(records: Vec<Record>, chunked: bool) -> Vec<FeedLine> {
        let mut sent = Vec::new();
        let mut collect = |bytes: &[u8]| {
            sent.push(serde_json::from_slice::<FeedLine>(bytes).expect("a feed line"));
            Ok(())
        };
        if chunked { send_chunked(records.into_iter(), &mut collect) } else { send(records.into_iter(), &mut collect) }
            .unwrap();
        sent
    }

    fn at(ts: i64) -> Record {
        Record::Event(crate::prelude::Event {
            ts,
            ..<crate::prelude::Event as crate::jobs::Stale>::stale(crate::jobs::utc_day(0), 1)
        })
    }

    #[test]
    fn a_chunked_feed_cuts_between_hours_and_nowhere_else() {
        let records = vec![at(10), at(20), at(3_600), at(7_300), at(7_301)];
        let shape: Vec<String> = lines(records.clone(), true)
            .iter()
            .map(|l| match l {
                FeedLine::Batch(b) => format!("batch{}", b.len()),
                FeedLine::Cut => "cut".into(),
                FeedLine::End => "end".into(),
            })
            .collect();
        assert_eq!(shape, ["batch2", "cut", "batch1", "cut", "batch2", "end"]);
        assert_eq!(lines(records, false).len(), 2, "one batch and the end");
        assert_eq!(lines(Vec::new(), true), [FeedLine::End]);
    }
}
