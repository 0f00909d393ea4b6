//! The whole pipeline on arbitrary text split into documents at form
//! feeds: a report must come out, within the word budget, and render in
//! every format.
#![no_main]

use chorus::model::{Article, StoryInput};
use chorus::render::{OutputFormat, render};

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let articles = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, part)| Article {
            id: format!("d{i}"),
            text: part.to_string(),
            ..Article::default()
        })
        .collect();
    let story = StoryInput {
        id: "fuzz".into(),
        articles,
        references: Vec::new(),
        loose: false,
    };
    let report = chorus::Pipeline::new()
        .words(60)
        .detail(chorus::Detail::Pages)
        .brief_stories(vec![story]);
    let words: usize = report.stories[0]
        .summary
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    assert!(words <= 60);
    for format in [
        OutputFormat::Text,
        OutputFormat::Md,
        OutputFormat::Json,
        OutputFormat::Html,
    ] {
        assert!(!render(&report, format, true).is_empty());
    }
});
