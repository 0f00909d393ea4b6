//! Plain-text articles: no metadata, the file name is the id and the first
//! line is the headline when it looks like one.

use crate::model::Article;

/// Longest first line still taken for a headline.
const MAX_HEADLINE_WORDS: usize = 24;

/// Parses one plain-text article; `id` is normally the file stem.
pub fn parse_text_article(id: &str, content: &str) -> Article {
    let content = if content.contains('\r') {
        content.replace("\r\n", "\n")
    } else {
        content.to_string()
    };
    let (title, body) = split_headline(&content);
    let (title, text) = match title {
        Some(title) => (Some(title.to_string()), body.to_string()),
        None => (None, content),
    };
    Article {
        id: id.to_string(),
        title,
        text,
        ..Article::default()
    }
}

/// Splits off the first non-empty line when it looks like a headline and
/// some body follows it; otherwise the whole text is body.
pub fn split_headline(content: &str) -> (Option<&str>, &str) {
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            offset += line.len();
            continue;
        }
        let body = &content[offset + line.len()..];
        if looks_like_headline(trimmed) && !body.trim().is_empty() {
            return (Some(trimmed), body);
        }
        break;
    }
    (None, content)
}

/// A short line that does not end like a sentence.
pub fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > MAX_HEADLINE_WORDS {
        return false;
    }
    let last = line
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .chars()
        .last();
    !matches!(last, Some('.') | Some(':') | Some(';') | Some(','))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_short_line_is_the_headline() {
        let a = parse_text_article(
            "wire",
            "Leaders Meet in Ankara\nLeaders Meet in Ankara\n\nThe talks began.",
        );
        assert_eq!(a.title.as_deref(), Some("Leaders Meet in Ankara"));
        assert!(a.text.starts_with("Leaders Meet in Ankara\n"));
        assert_eq!(a.id, "wire");
    }

    #[test]
    fn a_sentence_is_not_a_headline() {
        let a = parse_text_article("x", "The talks began on Monday.\nThey ended late.");
        assert_eq!(a.title, None);
        assert!(a.text.starts_with("The talks began"));
    }

    #[test]
    fn a_lone_line_is_body() {
        let a = parse_text_article("x", "Just one line without stop");
        assert_eq!(a.title, None);
        assert_eq!(a.text, "Just one line without stop");
    }
}
