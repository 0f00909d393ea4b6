//! Assembles the versioned report (the JSON contract) from what the stages
//! found; it runs no stage itself (the pipeline does).

use crate::compare::Comparison;
use crate::model::{
    Document, DocumentReport, FromRef, REPORT_VERSION, RemovedReport, Report, SentenceRef,
    StoryReport, SummarySentence,
};
use crate::prepare::Story;

/// Words of a sentence used as a headline when no document has a title.
const HEADLINE_WORDS: usize = 14;

/// The report section for one story whose summary is `chosen`, each
/// sentence with the documents that state it (`sources`, as the attribute
/// stage found them), and the compare stage's facts, quotes, entities,
/// timeline and unique sentences when there is a `comparison` (without
/// one those sections are empty: evaluation, or a summary-only brief).
pub fn story_report(
    story: &Story,
    chosen: &[SentenceRef],
    sources: &[Vec<SentenceRef>],
    comparison: Option<Comparison>,
) -> StoryReport {
    let summary = chosen
        .iter()
        .zip(sources)
        .map(|(r, stating)| SummarySentence {
            text: story.documents[r.document].sentences[r.sentence]
                .text
                .clone(),
            sources: stating
                .iter()
                .map(|s| story.documents[s.document].id().to_string())
                .collect(),
            from: FromRef {
                document: story.documents[r.document].id().to_string(),
                sentence: r.sentence,
            },
            evidence: stating
                .iter()
                .map(|s| FromRef {
                    document: story.documents[s.document].id().to_string(),
                    sentence: s.sentence,
                })
                .collect(),
        })
        .collect();
    let section = StoryReport {
        id: story.id.clone(),
        headline: headline(story, chosen),
        documents: story.documents.iter().map(|d| d.id().to_string()).collect(),
        summary,
        notes: story.notes.clone(),
        ..StoryReport::default()
    };
    match comparison {
        Some(comparison) => StoryReport {
            facts: comparison.facts,
            quotes: comparison.quotes,
            entities: comparison.entities,
            timeline: comparison.timeline,
            unique: comparison.unique,
            notes: section
                .notes
                .iter()
                .cloned()
                .chain(comparison.notes)
                .collect(),
            ..section
        },
        None => section,
    }
}

/// The headline that best names the whole story: the title whose words
/// the most documents use (each word weighted by the share of documents
/// that use it, the sum damped by the title's length), else the opening of
/// the first summary sentence.
fn headline(story: &Story, chosen: &[SentenceRef]) -> String {
    let index = &story.index;
    let docs = index.documents().max(1) as f32;
    let score = |d: usize| -> f32 {
        match &index.titles[d] {
            Some((known, total)) if *total > 0 => {
                let shared: f32 = known
                    .iter()
                    .map(|&t| index.doc_freq[t as usize] as f32 / docs)
                    .sum();
                shared / (*total as f32).sqrt()
            }
            _ => f32::MIN,
        }
    };
    let best = (0..story.documents.len())
        .filter(|&d| story.documents[d].title.is_some())
        .map(|d| (d, score(d)))
        .fold(None, |best: Option<(usize, f32)>, (d, s)| match best {
            Some((_, top)) if top >= s => best,
            _ => Some((d, s)),
        });
    if let Some(title) = best.and_then(|(d, _)| story.documents[d].title.clone()) {
        return title;
    }
    if let Some(first) = chosen.first() {
        let text = &story.documents[first.document].sentences[first.sentence].text;
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() <= HEADLINE_WORDS {
            return text.clone();
        }
        return format!("{}…", words[..HEADLINE_WORDS].join(" "));
    }
    story.id.clone()
}

/// A document as listed in the report.
pub fn document_report(document: &Document) -> DocumentReport {
    let article = &document.article;
    DocumentReport {
        id: article.id.clone(),
        title: document.title.clone(),
        source: article.source.clone(),
        url: article.url.clone(),
        date: article.date.clone(),
        sentences: document.sentences.len(),
        removed: document
            .removed
            .iter()
            .map(|r| RemovedReport {
                text: r.text.clone(),
                reason: r.reason.as_str().to_string(),
            })
            .collect(),
        duplicate_of: document.duplicate_of.clone(),
        language: document.language.clone(),
        notes: document.notes.clone(),
        body: Vec::new(),
    }
}

/// Fills every document's `body` with its sentences, for pages that show
/// or link to them; `stories` are those the report was built from.
pub fn attach_sentences(report: &mut Report, stories: &[Story]) {
    let documents = stories.iter().flat_map(|s| &s.documents);
    for (listed, document) in report.documents.iter_mut().zip(documents) {
        listed.body = document.sentences.iter().map(|s| s.text.clone()).collect();
    }
}

/// Collects stories and their reports into one versioned report.
pub fn report(stories: &[Story], reports: Vec<StoryReport>) -> Report {
    Report {
        version: REPORT_VERSION,
        documents: stories
            .iter()
            .flat_map(|s| s.documents.iter().map(document_report))
            .collect(),
        stories: reports,
    }
}
