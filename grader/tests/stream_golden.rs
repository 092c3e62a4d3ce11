//! Same seed, same stream, forever: the first records of every family (and
//! the DataFrame katas' tables) are pinned here. If this fails, generated streams changed: that invalidates
//! every reproduced report. Bump `GENERATOR_VERSION` and regenerate the
//! golden file with UPDATE_GOLDEN=1 only if the change is deliberate.

use harness::rng::{Rng, fnv1a};
use harness::streams::{EventStream, Family, RecordKind, RowStream, StreamParams, StreamSpec};
use harness::tables::{Dataset, generate};
use std::fmt::Write;

const ROW_FAMILIES: [Family; 5] =
    [Family::MissingFields, Family::WrongTypes, Family::ExtraFields, Family::LongValues, Family::SchemaDrift];

fn fingerprint(families: &[Family]) -> String {
    let rows = families.iter().any(|f| ROW_FAMILIES.contains(f));
    let record = if rows { RecordKind::Rows } else { RecordKind::Events };
    let spec = StreamSpec {
        record,
        seed: 20_261_124,
        events: 3_000,
        families: families.to_vec(),
        params: StreamParams::default(),
        dataset: None,
    };
    let mut text = String::new();
    if rows {
        for r in RowStream::new(&spec) {
            text.push_str(&serde_json::to_string(&r).unwrap());
            text.push('\n');
        }
    } else {
        for e in EventStream::new(&spec) {
            text.push_str(&serde_json::to_string(&e).unwrap());
            text.push('\n');
        }
    }
    format!("{:016x}", fnv1a(text.as_bytes()))
}

fn current() -> String {
    let mut out = String::new();
    let mut r = Rng::new(7);
    let draws: Vec<String> = (0..8).map(|_| r.below(1000).to_string()).collect();
    writeln!(out, "rng below(1000) x8 = {}", draws.join(",")).unwrap();
    let mut v: Vec<u32> = (0..10).collect();
    Rng::new(7).shuffle(&mut v);
    writeln!(out, "rng shuffle(0..10) = {v:?}").unwrap();
    for f in Family::ALL {
        writeln!(out, "{} = {}", f.name(), fingerprint(&[f])).unwrap();
    }
    writeln!(out, "retries+nulls+ties = {}", fingerprint(&[Family::Retries, Family::Nulls, Family::Ties])).unwrap();
    writeln!(out, "out_of_order+late+skew = {}", fingerprint(&[Family::OutOfOrder, Family::Late, Family::Skew]))
        .unwrap();
    writeln!(
        out,
        "rows: nulls+missing+wrong+drift = {}",
        fingerprint(&[Family::Nulls, Family::MissingFields, Family::WrongTypes, Family::SchemaDrift])
    )
    .unwrap();
    for dataset in Dataset::ALL {
        for families in [&[Family::Clean][..], &[Family::Nulls, Family::Ties, Family::Retries, Family::Skew]] {
            let names: Vec<&str> = families.iter().map(|f| f.name()).collect();
            writeln!(out, "tables {}: {} = {}", dataset.name(), names.join("+"), table_fingerprint(dataset, families))
                .unwrap();
        }
    }
    out
}

fn table_fingerprint(dataset: Dataset, families: &[Family]) -> String {
    let spec = StreamSpec {
        record: RecordKind::Tables,
        seed: 20_261_124,
        events: 3_000,
        families: families.to_vec(),
        params: StreamParams::default(),
        dataset: Some(dataset),
    };
    let text: String = generate(dataset, &spec).iter().map(|r| r.to_value().to_string() + "\n").collect();
    format!("{:016x}", fnv1a(text.as_bytes()))
}

#[test]
fn streams_match_the_golden_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/streams.txt");
    let actual = current();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("tests/golden/streams.txt is committed");
    assert_eq!(expected, actual, "generated streams changed");
}
