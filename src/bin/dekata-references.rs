//! dekata's companion: the catalogue's trusted Rust programs (each kata's
//! reference, and an estimating kata's exact program), compiled when dekata
//! is built, so that the truth of a check needs no cargo. dekata starts it
//! as it starts any compiled worker, confined the same way, and names the
//! program to serve; `--fingerprint` says which build of dekata it belongs
//! to. build.rs writes the programs' list (`built_in_serve.rs`).

#![forbid(unsafe_code)]
#![allow(unused, non_snake_case)]

#[global_allocator]
static HEAP: harness::meter::CountingAlloc = harness::meter::CountingAlloc;

include!(concat!(env!("OUT_DIR"), "/built_in_serve.rs"));

const USAGE: &str = "dekata-references: dekata starts this program as a worker; run dekata instead";

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("--fingerprint") => println!("{}", env!("DEKATA_BUNDLE_FINGERPRINT")),
        Some(key) => {
            serve(key);
            eprintln!("dekata-references: this build has no program named {key:?}");
            std::process::exit(2);
        }
        None => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}
