//! Segment: paragraphs into sentences.
//!
//! Sentence boundaries come from `sentencex` (abbreviations such as Feb.,
//! U.S., Dr., Gen., No., initials, decimals, quotes that close after the
//! stop, ellipses); this module keeps paragraph numbers and word counts.

use crate::model::Sentence;

/// Splits cleaned paragraphs into sentences.
pub fn segment(paragraphs: &[String]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (paragraph, text) in paragraphs.iter().enumerate() {
        for piece in sentencex::segment("en", text) {
            let piece = piece.trim();
            let words = piece.split_whitespace().count();
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
            ["He arrived on Feb. 6 in the U.S. and met Dr. Smith.", "Then he left."]
        );
        assert_eq!(
            texts("Gen. Mills spoke. Inflation hit 3.5 percent. No. 5 was next."),
            ["Gen. Mills spoke.", "Inflation hit 3.5 percent.", "No. 5 was next."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            texts("\"We will win.\" The crowd cheered... Then it rained."),
            ["\"We will win.\"", "The crowd cheered...", "Then it rained."]
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
    fn keeps_paragraph_numbers() {
        let s = segment(&["One. Two.".to_string(), "Three.".to_string()]);
        let paragraphs: Vec<_> = s.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1]);
        assert_eq!(s[0].words, 1);
    }
}
