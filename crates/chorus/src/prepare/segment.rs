//! Segment: paragraphs into sentences.
//!
//! Sentence boundaries come from `sentencex` (abbreviations such as Feb.,
//! U.S., Dr., Gen., No., initials, decimals, quotes that close after the
//! stop, ellipses); this module keeps paragraph numbers and word counts.

use sentencex::languages::{English, Language};

use crate::model::Sentence;

/// Splits cleaned paragraphs into sentences.
pub fn segment(paragraphs: &[String]) -> Vec<Sentence> {
    let english = English {};
    let mut sentences = Vec::new();
    for (paragraph, text) in paragraphs.iter().enumerate() {
        let pieces = if single_sentence(text) {
            vec![text.as_str()]
        } else {
            english.segment(text)
        };
        for piece in pieces {
            let piece = piece.trim();
            let words = count_words(piece);
            if words == 0 {
                continue;
            }
            sentences.push(Sentence {
                text: piece.to_string(),
                paragraph,
                words,
            });
        }
    }
    sentences
}

/// A paragraph with no sentence-ending mark before its last few characters
/// holds one sentence, and needs no segmenter.
fn single_sentence(text: &str) -> bool {
    let body = text.trim_end_matches(|c: char| {
        matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | '”' | '’' | '…') || c.is_whitespace()
    });
    !body.contains(['.', '!', '?', '…', '\n'])
}

/// Words separated by ASCII white space (clean folds every other kind of
/// space into ASCII spaces, so this is exact on cleaned text).
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraph: &str) -> Vec<String> {
        segment(&[paragraph.to_string()])
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn survives_abbreviations_and_decimals() {
        assert_eq!(
            texts("He arrived on Feb. 6 in the U.S. and met Dr. Smith. Then he left."),
            [
                "He arrived on Feb. 6 in the U.S. and met Dr. Smith.",
                "Then he left."
            ]
        );
        assert_eq!(
            texts("Gen. Mills spoke. Inflation hit 3.5 percent. No. 5 was next."),
            [
                "Gen. Mills spoke.",
                "Inflation hit 3.5 percent.",
                "No. 5 was next."
            ]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            texts("\"We will win.\" The crowd cheered... Then it rained."),
            [
                "\"We will win.\"",
                "The crowd cheered...",
                "Then it rained."
            ]
        );
        assert_eq!(
            texts("\"We will win,\" he said. It rained."),
            ["\"We will win,\" he said.", "It rained."]
        );
    }

    #[test]
    fn initials_stay_together() {
        assert_eq!(
            texts("J. R. R. Tolkien wrote books. They sold well."),
            ["J. R. R. Tolkien wrote books.", "They sold well."]
        );
    }

    #[test]
    fn one_sentence_paragraphs_pass_through() {
        assert!(single_sentence("The talks ended on Monday."));
        assert!(single_sentence("\"We are done,\" he said!\""));
        assert!(!single_sentence("It ended. It began."));
        assert!(!single_sentence("The U.S. team won."));
        assert_eq!(
            texts("The talks ended on Monday."),
            ["The talks ended on Monday."]
        );
    }

    #[test]
    fn counts_words() {
        assert_eq!(count_words("one two  three"), 3);
        assert_eq!(count_words(" un\tdeux\n trois "), 3);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn keeps_paragraph_numbers() {
        let s = segment(&["One. Two.".to_string(), "Three.".to_string()]);
        let paragraphs: Vec<_> = s.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1]);
        assert_eq!(s[0].words, 1);
    }
}
