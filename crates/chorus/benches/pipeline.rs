//! Pipeline throughput: clusters per second, one core, from raw text to the
//! JSON report, and peak memory; measured with the summary only and with
//! the compare stage (facts, quotes, entities, timeline, unique) as well.
//!
//!     cargo bench --bench pipeline -- "$PWD/../shared/data/multinews-dev.jsonl" [--words 250] [--passes 5]
//!
//! `--only summary` or `--only compare` runs one of the two, for counting
//! each one's instructions apart (`perf stat -e instructions:u`), a
//! figure that varies far less than the time between runs.
//!
//! The first pass starts from an empty vocabulary (every word stemmed for
//! the first time, as a fresh `chorus summarize` does); later passes reuse
//! it, as a long-running process does. Both are reported.

use std::path::PathBuf;
use std::time::Instant;

use chorus::model::StoryInput;
use chorus::{Detail, Limits, Pipeline, ingest_paths};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut paths = Vec::new();
    let mut words = 250;
    let mut passes = 5;
    let mut modes = vec![false, true];
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--words" => words = args.next().and_then(|w| w.parse().ok()).unwrap_or(words),
            "--passes" => passes = args.next().and_then(|p| p.parse().ok()).unwrap_or(passes),
            "--only" => match args.next().as_deref() {
                Some("summary") => modes = vec![false],
                Some("compare") => modes = vec![true],
                _ => {
                    eprintln!("--only takes summary or compare");
                    return;
                }
            },
            other => paths.push(PathBuf::from(other)),
        }
    }
    if paths.is_empty() {
        eprintln!(
            "usage: cargo bench --bench pipeline -- DATA.jsonl [--words N] [--passes N] [--only summary|compare]"
        );
        return;
    }
    let ingested = ingest_paths(&paths, &Limits::default());
    for error in &ingested.errors {
        eprintln!("{error}");
    }
    let stories = ingested.stories;
    let bytes: usize = stories
        .iter()
        .flat_map(|s| &s.articles)
        .map(|a| a.text.len())
        .sum();
    println!(
        "{} clusters, {:.1} MB of text, {} words, {} passes",
        stories.len(),
        bytes as f64 / 1e6,
        words,
        passes
    );
    println!(
        "{:<10} {:<6} {:>12} {:>12} {:>10}",
        "stages", "pass", "clusters/s", "MB/s", "ms"
    );
    // One pipeline throughout: later passes reuse its vocabulary.
    let mut pipeline = Pipeline::new().words(words);
    let mut best = [f64::MAX; 2];
    for pass in 0..passes.max(1) {
        for &with_compare in &modes {
            let mode = usize::from(with_compare);
            let start = Instant::now();
            let detail = if with_compare {
                Detail::Compare
            } else {
                Detail::Summary
            };
            pipeline = std::mem::take(&mut pipeline).detail(detail);
            let out = run(&stories, &mut pipeline);
            let seconds = start.elapsed().as_secs_f64();
            std::hint::black_box(out);
            // The first pass stems every word for the first time.
            let label = if pass == 0 && with_compare == modes[0] {
                "cold"
            } else {
                "warm"
            };
            if label == "warm" {
                best[mode] = best[mode].min(seconds);
            }
            println!(
                "{:<10} {:<6} {:>12.0} {:>12.1} {:>10.1}",
                if with_compare { "+compare" } else { "summary" },
                label,
                stories.len() as f64 / seconds,
                bytes as f64 / 1e6 / seconds,
                seconds * 1e3
            );
        }
    }
    if best.iter().all(|b| *b < f64::MAX) {
        println!(
            "best warm: summary {:.0} clusters/s, with compare {:.0} clusters/s ({:.2}x the time)",
            stories.len() as f64 / best[0],
            stories.len() as f64 / best[1],
            best[1] / best[0]
        );
    }
    println!("peak memory (VmHWM): {}", peak_memory());
}

/// The whole pipeline for every cluster: prepare, summarize, attribute,
/// compare (when asked), build and serialize the report.
fn run(stories: &[StoryInput], pipeline: &mut Pipeline) -> usize {
    let mut total = 0;
    for input in stories {
        let report = pipeline.brief_stories(vec![input.clone()]);
        total += serde_json::to_string(&report).map(|s| s.len()).unwrap_or(0);
    }
    total
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown (no /proc/self/status)".to_string())
}
