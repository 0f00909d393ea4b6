//! Prepare: the stages that turn a story's articles into documents ready to
//! summarize and compare: [`clean`] (boilerplate out), [`segment`]
//! (sentences), [`terms`] (stems interned to ids), [`index`] (the story's
//! sentences as term sets), [`dedup`] (reprints counted once) and
//! [`language`] (who stays out of the brief).

pub mod clean;
pub mod dedup;
pub mod index;
pub mod language;
pub mod segment;
pub mod terms;

use crate::model::{Article, Document, StoryInput};
use index::StoryIndex;
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
}

impl Story {
    /// Cleans, segments, indexes and identifies the language of a story's articles.
    pub fn prepare(input: StoryInput, vocab: &mut Vocab) -> Story {
        let mut documents: Vec<Document> =
            input.articles.into_iter().map(prepare_document).collect();
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
        }
    }
}

/// Runs the clean and segment stages on one article.
pub fn prepare_document(article: Article) -> Document {
    let cleaned = clean::clean(&article);
    let sentences = segment::segment(&cleaned.paragraphs);
    Document {
        notes: article.notes.clone(),
        article,
        title: cleaned.title,
        removed: cleaned.removed,
        sentences,
        duplicate_of: None,
        language: None,
        excluded: false,
    }
}
