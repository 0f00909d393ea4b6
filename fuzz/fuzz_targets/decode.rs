//! Decoding arbitrary bytes, with and without a declared charset.
#![no_main]

use chorus::ingest::decode::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = decode(data, None);
    let _ = decode(data, Some("iso-8859-1"));
});
