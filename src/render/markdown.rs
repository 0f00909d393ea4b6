//! Markdown: one section per story, sources as a numbered list.

use super::{describe, documents_by_id, markers, story_documents};
use crate::model::Report;

/// Renders the report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let by_id = documents_by_id(report);
    for (n, story) in report.stories.iter().enumerate() {
        if n > 0 {
            out.push_str("\n---\n\n");
        }
        let documents = story_documents(&by_id, story);
        out.push_str(&format!("# {}\n\n", escape(&story.headline)));
        for sentence in &story.summary {
            let marks = markers(&documents, &sentence.sources);
            out.push_str(&format!(
                "{} {}\n\n",
                escape(&sentence.text),
                escape(&marks)
            ));
        }
        out.push_str("## Sources\n\n");
        for (i, document) in documents.iter().enumerate() {
            let about = describe(document);
            let line = if about.is_empty() {
                format!("`{}`", document.id)
            } else {
                format!("`{}`: {}", document.id, escape(&about))
            };
            out.push_str(&format!("{}. {line}\n", i + 1));
            for note in &document.notes {
                out.push_str(&format!("   - {}\n", escape(note)));
            }
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
