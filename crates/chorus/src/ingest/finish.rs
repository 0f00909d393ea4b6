//! The last step of every reader: terminal control codes (escape
//! sequences, C0 and C1 control characters) are stripped from each field
//! of an article, so they reach neither the scanners nor a store, and the
//! article's notes say how many went.

use std::borrow::Cow;

use crate::model::{Article, StoryInput};
use crate::scan::controls::{escape_controls, strip_controls};

/// Strips control codes from every field of the article; a note says how
/// many were removed, when any were.
pub(crate) fn finish_article(article: &mut Article) {
    let mut removed = strip_id(&mut article.id);
    removed += strip(&mut article.text);
    for field in [
        &mut article.title,
        &mut article.source,
        &mut article.url,
        &mut article.date,
    ] {
        if let Some(value) = field.as_mut() {
            removed += strip(value);
            if value.trim().is_empty() {
                *field = None;
            }
        }
    }
    if removed > 0 {
        let codes = if removed == 1 { "code" } else { "codes" };
        article.notes.push(format!(
            "removed {removed} terminal control {codes} (escape sequences or control characters)"
        ));
    }
}

/// Finishes each article of a story, and its id and reference summaries.
pub(crate) fn finish_story(story: &mut StoryInput) {
    strip_id(&mut story.id);
    for reference in &mut story.references {
        strip(reference);
    }
    story.articles.iter_mut().for_each(finish_article);
}

/// Strips `text` in place; returns how many codes went.
fn strip(text: &mut String) -> usize {
    let (stripped, removed) = strip_controls(text);
    if let Cow::Owned(stripped) = stripped {
        *text = stripped;
    }
    removed
}

/// An id made only of control codes would be left empty: it is written
/// out visibly instead, so it still names its article.
fn strip_id(id: &mut String) -> usize {
    let (stripped, removed) = strip_controls(id);
    if let Cow::Borrowed(_) = stripped {
        return 0;
    }
    *id = if stripped.trim().is_empty() {
        escape_controls(id).into_owned()
    } else {
        stripped.trim().to_string()
    };
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_stripped_and_noted() {
        let mut article = Article::new("a\u{1b}[2J", "Body \u{1b}[41mred\u{1b}[0m text.")
            .title("\u{1b}]0;pwned\u{7}Title")
            .source("Outlet\u{9b}1m")
            .url("https://example.org/\u{0}x")
            .date("2023-03-16\u{1b}[K");
        finish_article(&mut article);
        assert_eq!(article.id, "a");
        assert_eq!(article.text, "Body red text.");
        assert_eq!(article.title.as_deref(), Some("Title"));
        assert_eq!(article.source.as_deref(), Some("Outlet"));
        assert_eq!(article.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(article.date.as_deref(), Some("2023-03-16"));
        assert_eq!(
            article.notes,
            ["removed 7 terminal control codes (escape sequences or control characters)"]
        );
    }

    #[test]
    fn clean_articles_are_left_alone() {
        let mut article = Article::new("a", "Plain\ttext.\n").title("T");
        let before = article.clone();
        finish_article(&mut article);
        assert_eq!(article, before);
    }

    #[test]
    fn fields_of_nothing_but_codes() {
        let mut article = Article::new("\u{1b}[2J", "Text.").title("\u{1b}[1m");
        finish_article(&mut article);
        assert_eq!(article.id, "\\x1b[2J", "an id is kept, written out");
        assert_eq!(article.title, None);
        assert_eq!(
            article.notes,
            ["removed 2 terminal control codes (escape sequences or control characters)"]
        );
        let mut one = Article::new("a", "Bell\u{7}.");
        finish_article(&mut one);
        assert_eq!(
            one.notes,
            ["removed 1 terminal control code (escape sequences or control characters)"]
        );
    }
}
