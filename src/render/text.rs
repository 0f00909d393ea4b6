//! Terminal text: headline, summary with [n] markers, numbered sources.

use owo_colors::OwoColorize;

use super::{describe, documents_by_id, markers, story_documents};
use crate::model::Report;

/// Renders the report as text, with ANSI colour when `color` is set.
pub fn text(report: &Report, color: bool) -> String {
    let mut out = String::new();
    let by_id = documents_by_id(report);
    for (n, story) in report.stories.iter().enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        let documents = story_documents(&by_id, story);
        if color {
            out.push_str(&format!("{}\n\n", story.headline.bold()));
        } else {
            out.push_str(&format!("{}\n\n", story.headline));
        }
        for sentence in &story.summary {
            let marks = markers(&documents, &sentence.sources);
            if color {
                out.push_str(&format!("{} {}\n", sentence.text, marks.cyan()));
            } else {
                out.push_str(&format!("{} {}\n", sentence.text, marks));
            }
        }
        if story.summary.is_empty() {
            out.push_str("(no sentence to summarize)\n");
        }
        out.push_str("\nSources:\n");
        for (i, document) in documents.iter().enumerate() {
            let label = format!("[{}]", i + 1);
            let label = if color {
                label.cyan().to_string()
            } else {
                label
            };
            let about = describe(document);
            if about.is_empty() {
                out.push_str(&format!("{label} {}\n", document.id));
            } else {
                out.push_str(&format!("{label} {}: {about}\n", document.id));
            }
            for note in &document.notes {
                let line = format!("    note: {note}");
                if color {
                    out.push_str(&format!("{}\n", line.dimmed()));
                } else {
                    out.push_str(&format!("{line}\n"));
                }
            }
        }
        let removed: usize = documents.iter().map(|d| d.removed.len()).sum();
        if removed > 0 {
            let line = format!("({removed} boilerplate lines removed; see --format json)");
            if color {
                out.push_str(&format!("{}\n", line.dimmed()));
            } else {
                out.push_str(&format!("{line}\n"));
            }
        }
    }
    out
}
