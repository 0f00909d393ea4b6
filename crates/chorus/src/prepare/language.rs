//! Language: which language each document is in, and which documents a
//! brief in the story's main language must leave out of its selection.
//!
//! English is recognised for free from the tokens already indexed (function
//! words make up a fifth or more of English prose); anything else is
//! identified by whatlang on a sample of the text.

use crate::model::Document;
use crate::prepare::index::StoryIndex;
use crate::prepare::terms::Vocab;

/// ISO 639-3 code of English, as whatlang names languages.
pub const ENGLISH: &str = "eng";

/// Share of English function words above which a text is English.
pub(crate) const ENGLISH_STOPWORD_SHARE: f32 = 0.2;
/// Tokens looked at for that test.
pub(crate) const SAMPLE_TOKENS: usize = 400;
/// Characters of text given to the detector.
const SAMPLE_CHARS: usize = 1200;

/// Each document's language (ISO 639-3), or `None` when the text is too
/// short or too mixed to tell.
pub fn detect(documents: &[Document], index: &StoryIndex, vocab: &Vocab) -> Vec<Option<String>> {
    (0..documents.len())
        .map(|doc| {
            let sentences = &index.sentences[index.doc_starts[doc]..index.doc_starts[doc + 1]];
            let tokens: Vec<u32> = sentences
                .iter()
                .flat_map(|s| s.terms.iter().copied())
                .take(SAMPLE_TOKENS)
                .collect();
            let stop = tokens.iter().filter(|&&t| vocab.is_stopword(t)).count();
            if tokens.len() >= 10 && stop as f32 >= ENGLISH_STOPWORD_SHARE * tokens.len() as f32 {
                return Some(ENGLISH.to_string());
            }
            let mut sample = String::new();
            for sentence in &documents[doc].sentences {
                if sample.len() >= SAMPLE_CHARS {
                    break;
                }
                sample.push_str(&sentence.text);
                sample.push(' ');
            }
            whatlang::detect(&sample)
                .filter(|info| info.is_reliable())
                .map(|info| info.lang().code().to_string())
        })
        .collect()
}

/// Whether a text that has too few English function words is English all
/// the same by whatlang, on its opening (so is a text whatlang cannot
/// place).
pub fn looks_english(text: &str) -> bool {
    let end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    whatlang::detect(&text[..end]).is_none_or(|info| info.lang() == whatlang::Lang::Eng)
}

/// The language of most of the story's sentences (English when none is known).
pub fn main_language(documents: &[Document], languages: &[Option<String>]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (document, language) in documents.iter().zip(languages) {
        if let Some(language) = language {
            match counts.iter_mut().find(|(l, _)| l == language) {
                Some((_, n)) => *n += document.sentences.len(),
                None => counts.push((language, document.sentences.len())),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(language, n)| (n, language == ENGLISH))
        .map_or(ENGLISH.to_string(), |(language, _)| language.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;
    use crate::prepare::prepare_document;

    fn documents(texts: &[&str]) -> Vec<Document> {
        texts
            .iter()
            .map(|t| {
                prepare_document(Article {
                    id: "d".into(),
                    text: t.to_string(),
                    ..Article::default()
                })
            })
            .collect()
    }

    #[test]
    fn tells_languages_apart() {
        let docs = documents(&[
            "The leaders met in Istanbul on Wednesday and talked for more than three hours about the dam.",
            "Les dirigeants se sont rencontrés mercredi à Istanbul et ont parlé pendant plus de trois heures du barrage sur la rivière.",
            "Die Staatschefs trafen sich am Mittwoch in Istanbul und sprachen mehr als drei Stunden lang über den Staudamm am Fluss.",
            "Short.",
        ]);
        let mut vocab = Vocab::new();
        let index = StoryIndex::build(&docs, &mut vocab);
        let languages = detect(&docs, &index, &vocab);
        assert_eq!(languages[0].as_deref(), Some("eng"));
        assert_eq!(languages[1].as_deref(), Some("fra"));
        assert_eq!(languages[2].as_deref(), Some("deu"));
        assert_eq!(languages[3], None);
        assert_eq!(main_language(&docs, &languages), "eng");
    }
}
