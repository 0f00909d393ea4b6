//! Limits: how much of a story the later stages read.
//!
//! Comparing sentences pairwise, grouping claims and drawing the coverage
//! grid all grow faster than the input, so a story is read only up to a
//! fixed size: each document up to [`StoryLimits::document_words`] words
//! and [`StoryLimits::document_sentences`] sentences, the story up to
//! [`StoryLimits::story_sentences`] sentences and
//! [`StoryLimits::story_words`] words, taken as each document's first
//! sentences in turn (news puts what matters first). What is past a limit
//! is not cleaned, summarized or compared, and a note on the document or
//! the story says what was left out.
//!
//! The defaults are well above what real stories hold: in the evaluation
//! data (Multi-News, DUC 2006 and 2007, WikiRef220, ECB+) the longest
//! document has 10,128 words and 349 sentences, the largest story 1,811
//! sentences and 41,203 words; none of them reaches a limit.

use crate::model::Document;

/// How much of a story the pipeline reads (see the [module](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryLimits {
    /// Words of a document's body (and of its headline) read; the rest of
    /// the text is not cleaned or segmented.
    pub document_words: usize,
    /// Sentences of a document read, from its first.
    pub document_sentences: usize,
    /// Sentences of a story read in all: every document's first sentence,
    /// then every second sentence, and so on.
    pub story_sentences: usize,
    /// Words of a story read in all, counted the same way.
    pub story_words: usize,
}

impl StoryLimits {
    /// Words read per document unless set otherwise.
    pub const DOCUMENT_WORDS: usize = 20_000;
    /// Sentences read per document unless set otherwise.
    pub const DOCUMENT_SENTENCES: usize = 1_000;
    /// Sentences read per story unless set otherwise.
    pub const STORY_SENTENCES: usize = 2_500;
    /// Words read per story unless set otherwise.
    pub const STORY_WORDS: usize = 100_000;
}

impl Default for StoryLimits {
    fn default() -> Self {
        StoryLimits {
            document_words: StoryLimits::DOCUMENT_WORDS,
            document_sentences: StoryLimits::DOCUMENT_SENTENCES,
            story_sentences: StoryLimits::STORY_SENTENCES,
            story_words: StoryLimits::STORY_WORDS,
        }
    }
}

/// The opening of `text` up to its `max`-th word (words separated by
/// white space, as [`count_words`](super::segment::count_words) counts
/// them), and how many words the whole text has when it is longer.
pub fn first_words(text: &str, max: usize) -> (&str, Option<usize>) {
    let mut words = 0;
    let mut in_word = false;
    let mut end = None;
    for (at, c) in text.char_indices() {
        let space = c.is_whitespace();
        if !space && !in_word {
            if words == max {
                end = Some(at);
            }
            words += 1;
        }
        in_word = !space;
    }
    match end {
        Some(end) => (text[..end].trim_end(), Some(words)),
        None => (text, None),
    }
}

/// `1234567` as `1,234,567`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Keeps the first [`StoryLimits::document_sentences`] sentences of
/// `document`, noting what was left out.
pub(crate) fn cap_document(document: &mut Document, limits: &StoryLimits) {
    let total = document.sentences.len();
    if total > limits.document_sentences {
        document.sentences.truncate(limits.document_sentences);
        document.notes.push(format!(
            "only its first {} of {} sentences were read (--max-document-sentences)",
            thousands(limits.document_sentences),
            thousands(total)
        ));
    }
}

/// Keeps each document's first sentences in turn (every first sentence,
/// then every second, …) until the story's sentences or words reach their
/// limit, noting on the story and on each shortened document what was left
/// out. Each document keeps an opening run of its sentences.
pub(crate) fn cap_story(documents: &mut [Document], limits: &StoryLimits) -> Option<String> {
    let total_sentences: usize = documents.iter().map(|d| d.sentences.len()).sum();
    let total_words: usize = documents
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words)
        .sum();
    if total_sentences <= limits.story_sentences && total_words <= limits.story_words {
        return None;
    }
    let mut kept = vec![0usize; documents.len()];
    let mut open: Vec<usize> = (0..documents.len())
        .filter(|&d| !documents[d].sentences.is_empty())
        .collect();
    let (mut sentences, mut words) = (0usize, 0usize);
    let mut position = 0;
    'rounds: while !open.is_empty() {
        let mut still_open = Vec::with_capacity(open.len());
        for &d in &open {
            let length = documents[d].sentences[position].words;
            if sentences == limits.story_sentences || words + length > limits.story_words {
                break 'rounds;
            }
            kept[d] += 1;
            sentences += 1;
            words += length;
            if position + 1 < documents[d].sentences.len() {
                still_open.push(d);
            }
        }
        open = still_open;
        position += 1;
    }
    let limit = if sentences == limits.story_sentences {
        "--max-story-sentences"
    } else {
        "--max-story-words"
    };
    for (document, &keep) in documents.iter_mut().zip(&kept) {
        let total = document.sentences.len();
        if keep < total {
            document.sentences.truncate(keep);
            let read = match keep {
                0 => format!("none of its {} sentences were read", thousands(total)),
                _ => format!(
                    "only its first {} of {} sentences were read",
                    thousands(keep),
                    thousands(total)
                ),
            };
            document
                .notes
                .push(format!("{read}: the story's limit was reached ({limit})"));
        }
    }
    Some(format!(
        "the story's {} documents hold {} sentences ({} words); {} sentences ({} words) were read, \
         each document's first sentences in turn ({limit})",
        thousands(documents.len()),
        thousands(total_sentences),
        thousands(total_words),
        thousands(sentences),
        thousands(words),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Sentence};

    fn document(lengths: &[usize]) -> Document {
        Document {
            article: Article::default(),
            title: None,
            removed: Vec::new(),
            sentences: lengths
                .iter()
                .map(|&words| Sentence {
                    text: "w ".repeat(words).trim_end().to_string(),
                    paragraph: 0,
                    words,
                })
                .collect(),
            duplicate_of: None,
            language: None,
            excluded: false,
            notes: Vec::new(),
        }
    }

    #[test]
    fn first_words_cuts_at_a_word() {
        assert_eq!(first_words("one two  three", 2), ("one two", Some(3)));
        assert_eq!(first_words(" one two ", 2), (" one two ", None));
        assert_eq!(first_words("one\ntwo three", 1), ("one", Some(3)));
        assert_eq!(first_words("", 0), ("", None));
        assert_eq!(first_words("é è", 1), ("é", Some(2)));
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(52_000_000), "52,000,000");
    }

    #[test]
    fn a_long_document_keeps_its_opening() {
        let mut long = document(&[3; 12]);
        let limits = StoryLimits {
            document_sentences: 5,
            ..StoryLimits::default()
        };
        cap_document(&mut long, &limits);
        assert_eq!(long.sentences.len(), 5);
        assert_eq!(
            long.notes,
            ["only its first 5 of 12 sentences were read (--max-document-sentences)"]
        );
        let mut short = document(&[3; 5]);
        cap_document(&mut short, &limits);
        assert!(short.notes.is_empty());
    }

    #[test]
    fn a_large_story_reads_every_document_s_lead_first() {
        let limits = StoryLimits {
            story_sentences: 7,
            ..StoryLimits::default()
        };
        let mut documents = vec![document(&[1; 4]), document(&[1; 1]), document(&[1; 6])];
        let note = cap_story(&mut documents, &limits).expect("over the limit");
        let kept: Vec<usize> = documents.iter().map(|d| d.sentences.len()).collect();
        // Round 1: 3 sentences; round 2: 2 (the second document has one);
        // round 3: 2.
        assert_eq!(kept, [3, 1, 3]);
        assert!(note.contains("11 sentences"), "{note}");
        assert!(note.contains("7 sentences (7 words) were read"), "{note}");
        assert!(documents[1].notes.is_empty());
        assert_eq!(
            documents[2].notes,
            [
                "only its first 3 of 6 sentences were read: the story's limit was reached (--max-story-sentences)"
            ]
        );
    }

    #[test]
    fn story_words_are_limited_too() {
        let limits = StoryLimits {
            story_words: 25,
            ..StoryLimits::default()
        };
        let mut documents = vec![document(&[10, 10]), document(&[10, 10])];
        let note = cap_story(&mut documents, &limits).expect("over the limit");
        let kept: Vec<usize> = documents.iter().map(|d| d.sentences.len()).collect();
        assert_eq!(kept, [1, 1]);
        assert!(note.contains("--max-story-words"), "{note}");
        let mut within = vec![document(&[10]), document(&[10])];
        assert_eq!(cap_story(&mut within, &limits), None);
    }
}
