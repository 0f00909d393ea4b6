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
//! Each run also times its stages apart (prepare, summarize, compare, and
//! attribution with the report and its JSON), so the compare stage's cost
//! is set against the summary's (prepare + summarize) within one run, on
//! the same warm caches.
//!
//! The first pass starts from an empty vocabulary (every word stemmed for
//! the first time, as a fresh `chorus summarize` does); later passes reuse
//! it, as a long-running process does. Both are reported.

use std::path::PathBuf;
use std::time::Instant;

use chorus::attribute::attribute;
use chorus::model::StoryInput;
use chorus::report::{report, story_report};
use chorus::{Limits, Pipeline, ingest_paths};

/// Seconds spent in each stage of one run.
#[derive(Default, Clone, Copy)]
struct Stages {
    prepare: f64,
    summarize: f64,
    compare: f64,
    report: f64,
}

impl Stages {
    /// Each stage's shorter time of the two.
    fn min(self, other: Stages) -> Stages {
        Stages {
            prepare: self.prepare.min(other.prepare),
            summarize: self.summarize.min(other.summarize),
            compare: self.compare.min(other.compare),
            report: self.report.min(other.report),
        }
    }
}

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
    // Each stage's fastest warm run with compare.
    let mut best_stages: Option<Stages> = None;
    for pass in 0..passes.max(1) {
        for &with_compare in &modes {
            let mode = usize::from(with_compare);
            let start = Instant::now();
            let (out, stages) = run(&stories, &mut pipeline, with_compare);
            let seconds = start.elapsed().as_secs_f64();
            std::hint::black_box(out);
            // The first pass stems every word for the first time.
            let label = if pass == 0 && with_compare == modes[0] {
                "cold"
            } else {
                "warm"
            };
            if label == "warm" {
                if with_compare {
                    best_stages = Some(best_stages.map_or(stages, |best| best.min(stages)));
                }
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
    if let Some(stages) = best_stages {
        let summary = stages.prepare + stages.summarize;
        println!(
            "each stage's best warm run with compare, ms: prepare {:.1}, summarize {:.1}, \
             compare {:.1}, attribution + report + JSON {:.1}; compare / (prepare + summarize) \
             = {:.2}",
            stages.prepare * 1e3,
            stages.summarize * 1e3,
            stages.compare * 1e3,
            stages.report * 1e3,
            stages.compare / summary
        );
    }
    println!("peak memory (VmHWM): {}", peak_memory());
}

/// The whole pipeline for every cluster, one stage after the other as
/// [`Pipeline::brief_stories`] runs them: prepare, summarize, compare
/// (when asked), attribute, build and serialize the report.
fn run(stories: &[StoryInput], pipeline: &mut Pipeline, with_compare: bool) -> (usize, Stages) {
    let mut total = 0;
    let mut stages = Stages::default();
    for input in stories {
        let input = input.clone();
        let start = Instant::now();
        let story = pipeline.prepare(input);
        let prepared = Instant::now();
        let chosen = pipeline.choose(&story);
        let summarized = Instant::now();
        let comparison = with_compare.then(|| pipeline.compare(&story));
        let compared = Instant::now();
        let sources = attribute(&story.index, &chosen);
        let section = story_report(&story, &chosen, &sources, comparison);
        let whole = report(std::slice::from_ref(&story), vec![section]);
        total += serde_json::to_string(&whole).map(|s| s.len()).unwrap_or(0);
        let reported = Instant::now();
        stages.prepare += (prepared - start).as_secs_f64();
        stages.summarize += (summarized - prepared).as_secs_f64();
        stages.compare += (compared - summarized).as_secs_f64();
        stages.report += (reported - compared).as_secs_f64();
    }
    (total, stages)
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
