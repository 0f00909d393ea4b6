//! Markdown: one section per story, sources as a numbered list.

use super::{
    ENTITIES_SHOWN, StoryDocuments, claim_label, describe, documents_by_id, markers, status_label,
    story_documents,
};
use crate::model::{FactStatus, Report, StoryReport};

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
        compared(&mut out, story, &documents);
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

/// The compare sections: a facts table, quotes, names, timeline, only-in.
fn compared(out: &mut String, story: &StoryReport, documents: &StoryDocuments<'_>) {
    let cite = |sources: &[String]| escape(&markers(documents, sources));
    if !story.facts.is_empty() {
        out.push_str("## Facts\n\n| about | claims | status |\n| --- | --- | --- |\n");
        for fact in &story.facts {
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
                claims.join(" · ")
            ));
        }
        out.push('\n');
    }
    if !story.quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        for quote in &story.quotes {
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
        out.push('\n');
    }
    if !story.entities.is_empty() {
        out.push_str(
            "## Named\n\n| name | kind | also written | sources |\n| --- | --- | --- | --- |\n",
        );
        let several = story
            .entities
            .iter()
            .filter(|e| e.sources.len() > 1)
            .count();
        for entity in story.entities.iter().take(ENTITIES_SHOWN.max(several)) {
            let kind = entity.kind.as_str();
            out.push_str(&format!(
                "| {} | {kind} | {} | {} |\n",
                escape(&entity.name),
                escape(&entity.aliases.join(", ")),
                cite(&entity.sources)
            ));
        }
        out.push('\n');
    }
    if !story.timeline.is_empty() {
        out.push_str("## Timeline\n\n");
        for event in &story.timeline {
            out.push_str(&format!(
                "- **{}** {} {}\n",
                event.date,
                escape(&event.text),
                cite(&event.sources)
            ));
        }
        out.push('\n');
    }
    if !story.unique.is_empty() {
        out.push_str("## Only in\n\n");
        for only in &story.unique {
            for sentence in &only.sentences {
                out.push_str(&format!(
                    "- {} {}\n",
                    cite(std::slice::from_ref(&only.document)),
                    escape(sentence)
                ));
            }
        }
        out.push('\n');
    }
    for note in &story.notes {
        out.push_str(&format!("> {}\n\n", escape(note)));
    }
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
