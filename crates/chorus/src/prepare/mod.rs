//! Prepare: the stages that turn a story's articles into documents ready to
//! summarize and compare: [`clean`] (boilerplate out), [`segment`]
//! (sentences), [`terms`] (stems interned to ids), [`index`] (the story's
//! sentences as term sets), [`dedup`] (reprints counted once) and
//! [`language`] (who stays out of the brief); [`limits`] bounds how much of
//! a story they read.

pub mod clean;
pub mod dedup;
pub mod index;
pub mod language;
pub mod limits;
pub mod segment;
pub mod terms;

use crate::model::{Article, Document, StoryInput};
use index::StoryIndex;
pub use limits::StoryLimits;
use terms::Vocab;

/// A story ready to summarize: cleaned, segmented and indexed documents.
#[derive(Debug, Clone)]
pub struct Story {
    /// Story id.
    pub id: String,
    /// Documents in input order.
    pub documents: Vec<Document>,
    /// Term index over all their sentences.
    pub index: StoryIndex,
    /// Reference summaries (evaluation data only).
    pub references: Vec<String>,
    /// The language the brief is in (ISO 639-3).
    pub language: String,
    /// What a reader of the brief should know about the whole story (a
    /// limit that left part of it unread).
    pub notes: Vec<String>,
}

impl Story {
    /// Cleans, segments, indexes and identifies the language of a story's
    /// articles, within the default [`StoryLimits`].
    pub fn prepare(input: StoryInput, vocab: &mut Vocab) -> Story {
        Story::prepare_within(input, vocab, &StoryLimits::default())
    }

    /// Cleans, segments, indexes and identifies the language of a story's
    /// articles, reading no more of them than `limits` allow.
    pub fn prepare_within(input: StoryInput, vocab: &mut Vocab, limits: &StoryLimits) -> Story {
        let mut documents: Vec<Document> = input
            .articles
            .into_iter()
            .map(|article| prepare_document_within(article, limits))
            .collect();
        let notes: Vec<String> = limits::cap_story(&mut documents, limits)
            .into_iter()
            .collect();
        let mut index = StoryIndex::build(&documents, vocab);
        let copies = dedup::find_duplicates(&documents, &index);
        for (copy, original) in copies.iter().copied().enumerate() {
            if let Some(original) = original {
                let id = documents[original].id().to_string();
                let document = &mut documents[copy];
                document.excluded = true;
                document.notes.push(format!(
                    "a copy of {id}: counted once, and its sentences are not chosen"
                ));
                document.duplicate_of = Some(id);
            }
        }
        if copies.iter().any(Option::is_some) {
            index.count_documents(&documents);
        }
        let languages = language::detect(&documents, &index, vocab);
        let main = language::main_language(&documents, &languages);
        for (document, language) in documents.iter_mut().zip(languages) {
            if let Some(code) = &language
                && *code != main
                && document.duplicate_of.is_none()
            {
                document.excluded = true;
                document.notes.push(format!(
                    "in {code}, not the brief's language ({main}): kept out of the summary"
                ));
            }
            document.language = language;
        }
        Story {
            id: input.id,
            documents,
            index,
            references: input.references,
            language: main,
            notes,
        }
    }
}

/// Runs the clean and segment stages on one article, within the default
/// [`StoryLimits`].
pub fn prepare_document(article: Article) -> Document {
    prepare_document_within(article, &StoryLimits::default())
}

/// Runs the clean and segment stages on the part of one article that
/// `limits` allow: its first [`StoryLimits::document_words`] words, then
/// its first [`StoryLimits::document_sentences`] sentences.
pub fn prepare_document_within(article: Article, limits: &StoryLimits) -> Document {
    let mut notes = article.notes.clone();
    let (text, words) = limits::first_words(&article.text, limits.document_words);
    let (title, title_words) = match article.title.as_deref() {
        Some(title) => {
            let (opening, words) = limits::first_words(title, limits.document_words);
            (Some(opening), words)
        }
        None => (None, None),
    };
    if let Some(total) = words {
        notes.push(format!(
            "only its first {} of {} words were read (--max-document-words)",
            limits::thousands(limits.document_words),
            limits::thousands(total)
        ));
    }
    let cleaned = if words.is_none() && title_words.is_none() {
        clean::clean(&article)
    } else {
        // Only the part read is cleaned: a copy of at most the limit.
        clean::clean(&Article {
            text: text.to_string(),
            title: title.map(str::to_string),
            ..Article::default()
        })
    };
    let sentences = segment::segment(&cleaned.paragraphs);
    let mut document = Document {
        notes,
        article,
        title: cleaned.title,
        removed: cleaned.removed,
        sentences,
        duplicate_of: None,
        language: None,
        excluded: false,
    };
    limits::cap_document(&mut document, limits);
    document
}
