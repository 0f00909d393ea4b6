//! Markdown: one section per story, sources as a numbered list. Control
//! codes a report may still hold are written out (`\x1b`), not obeyed,
//! when the page is printed to a terminal.

use super::brief::{self, Detail};
use super::{
    StoryDocuments, claim_label, claims_joiner, describe, documents_by_id, markers, status_label,
    story_documents,
};
use crate::model::{FactStatus, Report, StoryReport};
use crate::scan::controls::escape_controls;

/// Renders the report as Markdown, as a brief or in full. Citation
/// markers are written `[1]`, not escaped: with no link of that name
/// defined they print as they are, and raw text stays readable.
pub fn markdown(report: &Report, detail: Detail) -> String {
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
            out.push_str(&format!("{} {marks}\n\n", escape(&sentence.text)));
        }
        compared(&mut out, story, &documents, detail);
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
    match escape_controls(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(safe) => safe,
    }
}

/// The compare sections: a facts table, quotes, names, timeline, only-in.
fn compared(out: &mut String, story: &StoryReport, documents: &StoryDocuments<'_>, detail: Detail) {
    let cite = |sources: &[String]| markers(documents, sources);
    if !story.facts.is_empty() {
        out.push_str("## Facts\n\n| about | claims | status |\n| --- | --- | --- |\n");
        let picked = brief::facts(story, detail);
        for fact in &picked.items {
            let claims: Vec<String> = fact
                .claims
                .iter()
                .map(|c| format!("{} {}", escape(&claim_label(fact, c)), cite(&c.sources)))
                .collect();
            let status = match fact.status {
                FactStatus::Conflict => format!("**{}**", status_label(fact.status)),
                other => status_label(other).to_string(),
            };
            out.push_str(&format!(
                "| {} | {} | {status} |\n",
                escape(&fact.about),
                claims.join(claims_joiner(fact.status))
            ));
        }
        left_out(out, picked.left_out, "facts");
    }
    if !story.quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        let picked = brief::quotes(story, detail);
        for quote in &picked.items {
            let speaker = quote.speaker.as_deref().unwrap_or("(speaker unknown)");
            let own = quote.text_sources();
            out.push_str(&format!(
                "- **{}**: “{}” {}\n",
                escape(speaker),
                escape(&quote.text),
                cite(&own)
            ));
            for variant in &quote.variants {
                out.push_str(&format!(
                    "  - also: “{}” {}\n",
                    escape(&variant.text),
                    cite(&variant.sources)
                ));
            }
        }
        left_out(out, picked.left_out, "quotes");
    }
    if !story.entities.is_empty() {
        out.push_str(
            "## Named\n\n| name | kind | also written | sources |\n| --- | --- | --- | --- |\n",
        );
        let picked = brief::entities(story, detail);
        for entity in &picked.items {
            let kind = entity.kind.as_str();
            out.push_str(&format!(
                "| {} | {kind} | {} | {} |\n",
                escape(&entity.name),
                escape(&entity.aliases.join(", ")),
                cite(&entity.sources)
            ));
        }
        left_out(out, picked.left_out, "names");
    }
    if !story.timeline.is_empty() {
        out.push_str("## Timeline\n\n");
        let picked = brief::timeline(story, detail);
        for event in &picked.items {
            out.push_str(&format!(
                "- **{}** {} {}\n",
                event.date,
                escape(&event.text),
                cite(&event.sources)
            ));
        }
        left_out(out, picked.left_out, "dated events");
    }
    let (own, more) = brief::unique(story, detail);
    if !own.is_empty() {
        out.push_str("## Only in\n\n");
        for only in &own {
            let source = [only.document.to_string()];
            for sentence in &only.sentences {
                out.push_str(&format!("- {} {}\n", cite(&source), escape(sentence)));
            }
        }
        left_out(out, more, "sentences only one source has");
    }
    for note in &story.notes {
        out.push_str(&format!("> {}\n\n", escape(note)));
    }
}

/// Ends a section: "_(and 7 more facts; `--full` prints them)_" when some
/// were left out, then the blank line a section ends with.
fn left_out(out: &mut String, count: usize, what: &str) {
    if count > 0 {
        out.push_str(&format!(
            "\n_(and {}; `--full` prints them)_\n",
            brief::count_of(count, what)
        ));
    }
    out.push('\n');
}

/// Escapes the characters Markdown would read as markup.
pub fn escape(text: &str) -> String {
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
