//! The multinews reader on arbitrary bytes: errors are fine, panics are not.
#![no_main]

use chorus::ingest::{Format, Limits, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_bytes(
        "fuzz",
        "fuzz",
        data,
        Some(Format::MultiNews),
        &Limits::default(),
    );
});
