//! Every kata in the catalogue is sound: `dekata validate` checks that the
//! reference passes on several seeds, the starter reaches todo!(), every
//! mutant gets exactly its declared verdict, and every case earns its place.

mod common;
use common::*;

#[test]
fn every_kata_validates() {
    let out = dekata(&["validate"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", stderr(&out));
    assert!(!text.contains('\u{2717}'), "{text}");
}
