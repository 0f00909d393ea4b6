//! How much of a story a brief reads: the bundled example whole within
//! the default limits, and lead first, with notes, past smaller ones.

use std::path::{Path, PathBuf};

use chorus::{Article, Limits, Pipeline, Report, StoryLimits, ingest_paths};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/reports")
}

fn brief(pipeline: Pipeline) -> Report {
    let ingested = ingest_paths(&[example()], &Limits::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    let mut pipeline = pipeline;
    pipeline.brief_stories(ingested.stories)
}

fn mentions_a_limit(note: &str) -> bool {
    note.contains("--max-")
}

#[test]
fn the_example_is_read_whole_within_the_default_limits() {
    let report = brief(Pipeline::new());
    assert!(
        report
            .stories
            .iter()
            .all(|s| !s.notes.iter().any(|n| mentions_a_limit(n)))
    );
    assert!(
        report
            .documents
            .iter()
            .all(|d| !d.notes.iter().any(|n| mentions_a_limit(n)))
    );
}

#[test]
fn a_story_past_its_sentence_limit_is_read_lead_first_and_says_so() {
    let whole = brief(Pipeline::new());
    let total: usize = whole.documents.iter().map(|d| d.sentences).sum();
    let limits = StoryLimits {
        story_sentences: 12,
        ..StoryLimits::default()
    };
    let report = brief(Pipeline::new().limits(limits));
    let story = &report.stories[0];
    let note = story
        .notes
        .iter()
        .find(|n| mentions_a_limit(n))
        .expect("a note on the story");
    assert!(
        note.contains(&format!("hold {total} sentences")) && note.contains("12 sentences"),
        "{note}"
    );
    let read: Vec<usize> = report.documents.iter().map(|d| d.sentences).collect();
    assert_eq!(read.iter().sum::<usize>(), 12);
    // Every document with sentences gives its lead before any gives a third.
    let most = *read.iter().max().expect("documents");
    assert!(read.iter().all(|&n| n + 1 >= most), "{read:?}");
    for (listed, read) in report.documents.iter().zip(&whole.documents) {
        let cut = listed.sentences < read.sentences;
        assert_eq!(
            cut,
            listed.notes.iter().any(|n| mentions_a_limit(n)),
            "{listed:?}"
        );
    }
    // The brief is chosen from what was read.
    for sentence in &story.summary {
        let document = report
            .documents
            .iter()
            .find(|d| d.id == sentence.from.document)
            .expect("a listed document");
        assert!(sentence.from.sentence < document.sentences);
    }
}

#[test]
fn a_document_past_its_word_limit_is_read_up_to_it() {
    let text = "The council approved the new budget on Monday after a long debate. ".repeat(50);
    let limits = StoryLimits {
        document_words: 100,
        ..StoryLimits::default()
    };
    let report = Pipeline::new()
        .limits(limits)
        .brief("budget", vec![Article::new("council", &text)]);
    let document = &report.documents[0];
    // Twelve words a sentence: eight whole sentences and the start of a ninth.
    assert_eq!(document.sentences, 9);
    assert_eq!(
        document.notes,
        ["only its first 100 of 600 words were read (--max-document-words)"]
    );
}
