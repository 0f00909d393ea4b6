//! The date scanner's cost inside the compare stage: every sentence of
//! every counted document, tokenized once beforehand as compare does, then
//! scanned for dates and times of day; best of several passes.
//!
//!     cargo bench --bench dates -- "$PWD/../shared/data/multinews-dev.jsonl" [--passes 5]
//!
//! Tokenizing is timed apart, so the figure is the scanner's alone.

use std::path::PathBuf;
use std::time::Instant;

use chorus::scan::dates;
use chorus::scan::tokens::tokenize;
use chorus::{Limits, Pipeline, ingest_paths};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut paths = Vec::new();
    let mut passes = 5;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--passes" => passes = args.next().and_then(|p| p.parse().ok()).unwrap_or(passes),
            other => paths.push(PathBuf::from(other)),
        }
    }
    if paths.is_empty() {
        eprintln!("usage: cargo bench --bench dates -- DATA.jsonl [--passes N]");
        return;
    }
    let ingested = ingest_paths(&paths, &Limits::default());
    for error in &ingested.errors {
        eprintln!("{error}");
    }
    // The sentences compare reads: cleaned and segmented by the pipeline.
    let mut pipeline = Pipeline::new();
    let mut sentences: Vec<String> = Vec::new();
    for input in ingested.stories {
        let story = pipeline.prepare(input);
        for document in &story.documents {
            sentences.extend(document.sentences.iter().map(|s| s.text.clone()));
        }
    }
    let lowered: Vec<String> = sentences.iter().map(|s| s.to_ascii_lowercase()).collect();
    let bytes: usize = sentences.iter().map(String::len).sum();
    let start = Instant::now();
    let tokenized: Vec<_> = sentences
        .iter()
        .zip(&lowered)
        .map(|(s, l)| tokenize(s, l))
        .collect();
    let tokenizing = start.elapsed().as_secs_f64();
    println!(
        "{} sentences, {:.1} MB; tokenizing {:.1} ms",
        sentences.len(),
        bytes as f64 / 1e6,
        tokenizing * 1e3
    );
    let mut best = f64::MAX;
    let mut found = 0;
    for pass in 0..passes.max(1) {
        let start = Instant::now();
        found = 0;
        for tokens in &tokenized {
            found += dates::dates(tokens).len();
            found += dates::times(tokens).len();
        }
        let seconds = start.elapsed().as_secs_f64();
        std::hint::black_box(found);
        best = best.min(seconds);
        println!("pass {pass}: dates and times {:.2} ms", seconds * 1e3);
    }
    println!(
        "best: {:.2} ms, {:.0} ns a sentence, {:.0} MB/s; {found} expressions",
        best * 1e3,
        best * 1e9 / sentences.len().max(1) as f64,
        bytes as f64 / 1e6 / best
    );
}
