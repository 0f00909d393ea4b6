//! Render: the report as terminal text, Markdown or JSON.

mod markdown;
mod text;

use crate::model::{DocumentReport, Report, StoryReport};

pub use markdown::markdown;
pub use text::text;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Readable text; colour only on a terminal.
    Text,
    /// Markdown.
    Md,
    /// The JSON report contract (version 1).
    Json,
}

/// Renders `report` in `format`; `color` applies to text only.
pub fn render(report: &Report, format: OutputFormat, color: bool) -> String {
    match format {
        OutputFormat::Text => text(report, color),
        OutputFormat::Md => markdown(report),
        OutputFormat::Json => json(report),
    }
}

/// The report as pretty-printed JSON.
pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serializing plain owned data cannot fail; say so loudly if it does.
        format!("{{\"error\": \"cannot serialize report: {e}\"}}")
    });
    out.push('\n');
    out
}

/// The report's documents by id, built once per rendering (a report may
/// hold thousands of stories).
pub(crate) type DocumentsById<'a> = rustc_hash::FxHashMap<&'a str, &'a DocumentReport>;

/// Indexes the report's documents by id.
pub(crate) fn documents_by_id(report: &Report) -> DocumentsById<'_> {
    report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect()
}

/// A story's documents, numbered from 1 for citation markers.
pub(crate) fn story_documents<'a>(
    by_id: &DocumentsById<'a>,
    story: &StoryReport,
) -> Vec<&'a DocumentReport> {
    story
        .documents
        .iter()
        .filter_map(|id| by_id.get(id.as_str()).copied())
        .collect()
}

/// Citation markers such as `[1][3]` for a sentence's sources.
pub(crate) fn markers(documents: &[&DocumentReport], sources: &[String]) -> String {
    sources
        .iter()
        .filter_map(|id| documents.iter().position(|d| &d.id == id))
        .map(|n| format!("[{}]", n + 1))
        .collect()
}

/// "title — source, date" for a source list entry.
pub(crate) fn describe(document: &DocumentReport) -> String {
    let mut parts = Vec::new();
    if let Some(title) = &document.title {
        parts.push(title.clone());
    }
    let meta: Vec<&str> = [&document.source, &document.date, &document.url]
        .into_iter()
        .filter_map(|x| x.as_deref())
        .collect();
    if !meta.is_empty() {
        parts.push(meta.join(", "));
    }
    if let Some(original) = &document.duplicate_of {
        parts.push(format!("reprint of {original}"));
    }
    parts.join(" — ")
}
