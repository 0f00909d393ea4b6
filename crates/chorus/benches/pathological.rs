//! Time and peak memory against input size for inputs built to exhaust
//! the pipeline: a story whose sentences are all alike, one huge document
//! of a repeated phrase, a story of thousands of small articles (given as
//! one story, and loose so that clustering groups them first), a story
//! of thousands of quotes that overlap their neighbours.
//!
//!     cargo bench --bench pathological [-- --cases alike,huge,story,loose,quotes] [--max-story-sentences N]
//!
//! Each measurement runs in a process of its own (this program started
//! again with `--one CASE SIZE`), so that its peak resident memory
//! (VmHWM) is its own. Time is from the articles in memory to the report
//! rendered as JSON and as an HTML page (with every document's sentences,
//! as `chorus summarize --format html` makes it); memory includes the
//! input. With the default limits both stay flat past them or grow
//! linearly with the input; `--max-story-sentences` and the other limit
//! flags raise them, to show what the limits hold off.

use std::process::Command;
use std::time::Instant;

use chorus::model::StoryInput;
use chorus::{Article, Detail, OutputFormat, Pipeline, StoryLimits, render};

/// Sizes measured for each case.
const CASES: &[(&str, &str, &[usize])] = &[
    (
        "alike",
        "sentences, all alike, 20 to a document",
        &[1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000],
    ),
    (
        "huge",
        "MB: one document of one repeated sentence",
        &[1, 2, 4, 8, 16, 32, 52],
    ),
    (
        "story",
        "articles of 3 sentences, given as one story",
        &[1_250, 2_500, 5_000, 10_000, 20_000],
    ),
    (
        "loose",
        "articles of 3 sentences, loose (clustered first)",
        &[1_250, 2_500, 5_000, 10_000, 20_000],
    ),
    (
        "quotes",
        "quoted sentences, 10 to a document, each sharing words with the next",
        &[250, 500, 1_000, 2_000, 4_000, 8_000],
    ),
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let limits = limits_from(&args);
    if let Some(at) = args.iter().position(|a| a == "--one") {
        let case = args.get(at + 1).map(String::as_str).unwrap_or_default();
        let size = args
            .get(at + 2)
            .and_then(|s| s.parse().ok())
            .unwrap_or_default();
        one(case, size, limits);
        return;
    }
    let wanted: Option<Vec<&str>> = args
        .iter()
        .position(|a| a == "--cases")
        .and_then(|at| args.get(at + 1))
        .map(|list| list.split(',').collect());
    let passed: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| a.starts_with("--max-") || (*i > 0 && args[i - 1].starts_with("--max-")))
        .map(|(_, a)| a)
        .collect();
    println!("limits: {limits:?}");
    println!(
        "{:<6} {:>8}  {:>9} {:>9} {:>10} {:>12} {:>10}",
        "case", "size", "input MB", "seconds", "peak MiB", "sentences", "output MB"
    );
    let me = std::env::current_exe().expect("the benchmark knows its own path");
    for (case, what, sizes) in CASES {
        if wanted.as_ref().is_some_and(|w| !w.contains(case)) {
            continue;
        }
        for size in *sizes {
            let output = Command::new(&me)
                .arg("--one")
                .arg(case)
                .arg(size.to_string())
                .args(&passed)
                .output()
                .expect("the benchmark starts itself");
            let line = String::from_utf8_lossy(&output.stdout);
            if output.status.success() {
                print!("{line}");
            } else {
                println!(
                    "{case:<6} {size:>8}  failed ({}): {}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr).trim()
                );
            }
        }
        println!("       ({case}: size = {what})");
    }
}

/// The story limits the command line sets (the defaults otherwise).
fn limits_from(args: &[String]) -> StoryLimits {
    let value = |flag: &str, default: usize| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|at| args.get(at + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let defaults = StoryLimits::default();
    StoryLimits {
        document_words: value("--max-document-words", defaults.document_words),
        document_sentences: value("--max-document-sentences", defaults.document_sentences),
        story_sentences: value("--max-story-sentences", defaults.story_sentences),
        story_words: value("--max-story-words", defaults.story_words),
    }
}

/// Runs one case at one size and prints its line of the table.
fn one(case: &str, size: usize, limits: StoryLimits) {
    let story = match case {
        "alike" => alike(size),
        "huge" => huge(size),
        "story" => StoryInput::story("story", small_articles(size)),
        "loose" => StoryInput::loose("loose", small_articles(size)),
        "quotes" => quoted(size),
        _ => {
            eprintln!("unknown case {case:?}");
            std::process::exit(2);
        }
    };
    let input: usize = story.articles.iter().map(|a| a.text.len()).sum();
    let start = Instant::now();
    let mut pipeline = Pipeline::new().detail(Detail::Pages).limits(limits);
    let report = pipeline.brief_stories(vec![story]);
    let json = render(&report, OutputFormat::Json, false);
    let page = render(&report, OutputFormat::Html, false);
    let seconds = start.elapsed().as_secs_f64();
    let read: usize = report.documents.iter().map(|d| d.sentences).sum();
    println!(
        "{case:<6} {size:>8}  {:>9.1} {seconds:>9.2} {:>10.0} {read:>12} {:>10.1}",
        input as f64 / 1e6,
        peak_kib() as f64 / 1024.0,
        (json.len() + page.len()) as f64 / 1e6,
    );
}

/// `sentences` sentences that differ in one word, 20 to a document.
fn alike(sentences: usize) -> StoryInput {
    let articles = (0..sentences.div_ceil(20))
        .map(|d| {
            let text: String = (d * 20..((d + 1) * 20).min(sentences))
                .map(|i| {
                    format!(
                        "The minister said on Monday that the talks with the union would resume soon, case {i}. "
                    )
                })
                .collect();
            Article::new(format!("d{d}"), text).title("Talks resume")
        })
        .collect();
    StoryInput::story("alike", articles)
}

/// One document of `megabytes` MB: one sentence, repeated.
fn huge(megabytes: usize) -> StoryInput {
    let phrase = "Leaders met in Istanbul for talks. ";
    let text = phrase.repeat(megabytes * 1_000_000 / phrase.len());
    StoryInput::story("huge", vec![Article::new("huge", text).title("Talks")])
}

/// `quotes` quoted sentences, 10 to a document, each sharing two content
/// words with the one before: every quote is compared with many others
/// and none is repeated.
fn quoted(quotes: usize) -> StoryInput {
    // A made-up content word for each number: letters only, three or more.
    let word = |n: usize| {
        let mut w = String::from("vo");
        let mut n = n;
        loop {
            w.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                break w;
            }
        }
    };
    let articles = (0..quotes.div_ceil(10))
        .map(|d| {
            let text: String = (d * 10..((d + 1) * 10).min(quotes))
                .map(|i| {
                    format!(
                        "\"We will {} the {} before the {} season comes,\" Mayor Ana Ruiz said. ",
                        word(i),
                        word(i + 1),
                        word(i + 2)
                    )
                })
                .collect();
            Article::new(format!("d{d}"), text).title("The mayor speaks")
        })
        .collect();
    StoryInput::story("quotes", articles)
}

/// `count` small articles of one event, each with its own figures.
fn small_articles(count: usize) -> Vec<Article> {
    (0..count)
        .map(|i| {
            Article::new(
                format!("a{i}"),
                format!(
                    "A storm hit the coast and {} people were hurt, officials said. \
                     About {},000 homes lost power at {}:00 on Tuesday. The storm moved north.",
                    i % 50,
                    i % 40,
                    i % 24
                ),
            )
            .title("Storm hits the coast")
            .source(format!("Outlet {i}"))
            .date(format!("2024-03-0{}", 1 + i % 9))
        })
        .collect()
}

/// This process's peak resident memory (VmHWM), in KiB; 0 where /proc
/// does not say.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
