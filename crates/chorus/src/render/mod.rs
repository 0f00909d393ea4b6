//! Render: the report as terminal text, Markdown, JSON or an HTML page.

mod brief;
mod html;
mod markdown;
mod text;

use crate::model::{Bound, Claim, DocumentReport, Fact, FactKind, FactStatus, Report, StoryReport};
use crate::scan::quantity::MAGNITUDE;

pub use brief::Detail;
pub use html::{STYLE, SourceWindow, html, served_html, web_link};
pub use markdown::{escape as escape_markdown, markdown};
pub use text::text;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Readable text; colour only on a terminal.
    Text,
    /// Markdown.
    Md,
    /// The JSON report contract (version 1).
    Json,
    /// One self-contained HTML page: citations that show their source
    /// sentence, facts, quotes, a coverage grid and the sources.
    Html,
}

/// Renders `report` in `format` as a brief; `color` applies to text only.
pub fn render(report: &Report, format: OutputFormat, color: bool) -> String {
    render_with(report, format, color, Detail::Brief)
}

/// Renders `report` in `format` with the text and Markdown sections cut
/// to a brief or printed in full; JSON and HTML always hold everything.
pub fn render_with(report: &Report, format: OutputFormat, color: bool, detail: Detail) -> String {
    match format {
        OutputFormat::Text => text(report, color, detail),
        OutputFormat::Md => markdown(report, detail),
        OutputFormat::Json => json(report),
        OutputFormat::Html => html(report),
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

/// A story's documents in order, numbered from 1 for citation markers,
/// with the number of each id: a claim may cite thousands of sources, and
/// each is found in one lookup.
pub(crate) struct StoryDocuments<'a> {
    list: Vec<&'a DocumentReport>,
    numbers: rustc_hash::FxHashMap<&'a str, usize>,
}

impl<'a> std::ops::Deref for StoryDocuments<'a> {
    type Target = [&'a DocumentReport];

    fn deref(&self) -> &Self::Target {
        &self.list
    }
}

impl StoryDocuments<'_> {
    /// The number (from 1) of the document with `id`: the first, if two
    /// share it.
    pub(crate) fn number(&self, id: &str) -> Option<usize> {
        self.numbers.get(id).copied()
    }
}

/// A story's documents, numbered from 1 for citation markers.
pub(crate) fn story_documents<'a>(
    by_id: &DocumentsById<'a>,
    story: &StoryReport,
) -> StoryDocuments<'a> {
    let list: Vec<&DocumentReport> = story
        .documents
        .iter()
        .filter_map(|id| by_id.get(id.as_str()).copied())
        .collect();
    let mut numbers = rustc_hash::FxHashMap::default();
    for (i, document) in list.iter().enumerate() {
        numbers.entry(document.id.as_str()).or_insert(i + 1);
    }
    StoryDocuments { list, numbers }
}

/// Citation markers such as `[1][3]` for a sentence's sources.
pub(crate) fn markers(documents: &StoryDocuments<'_>, sources: &[String]) -> String {
    sources
        .iter()
        .filter_map(|id| documents.number(id))
        .map(|n| format!("[{n}]"))
        .collect()
}

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

/// A fact's status as a reader sees it.
pub(crate) fn status_label(status: FactStatus) -> &'static str {
    match status {
        FactStatus::Conflict => "CONFLICT",
        FactStatus::Updated => "updated",
        FactStatus::Agreed => "agreed",
        FactStatus::SingleSource => "single source",
    }
}

/// What joins a fact's claims: an arrow from earlier to later for an
/// update, a dot between claims otherwise.
pub(crate) fn claims_joiner(status: FactStatus) -> &'static str {
    if status == FactStatus::Updated {
        " → "
    } else {
        " · "
    }
}

/// A claim in normalized form: "~500,000 people", "≥230 people",
/// "2023-03-15 (Wednesday)", "14:00 UTC (after 17:00 Istanbul time)".
pub(crate) fn claim_label(fact: &Fact, claim: &Claim) -> String {
    let sign = match claim.bound {
        Bound::Exact => "",
        Bound::About => "~",
        Bound::AtLeast => "≥",
        Bound::MoreThan => ">",
        Bound::AtMost => "≤",
        Bound::LessThan => "<",
        Bound::OrderOf => "order of ",
    };
    match fact.kind {
        FactKind::Date | FactKind::Time => {
            let resolved = claim.resolved.as_deref().unwrap_or("?");
            if resolved == claim.text {
                resolved.to_string()
            } else {
                format!("{resolved} ({})", claim.text)
            }
        }
        FactKind::Duration => {
            let unit = claim.unit.as_deref().unwrap_or("second");
            let seconds = claim.unit_seconds();
            let plural = if (claim.value / seconds - 1.0).abs() < 1e-9 {
                ""
            } else {
                "s"
            };
            let mut out = format!("{sign}{} {unit}{plural}", number(claim.value / seconds));
            if let Some(high) = claim.high {
                out = format!(
                    "{sign}{}–{} {unit}s",
                    number(claim.value / seconds),
                    number(high / seconds)
                );
            }
            out
        }
        FactKind::Quantity if claim.bound == Bound::OrderOf => claim.text.clone(),
        FactKind::Quantity => {
            let value = match claim.high {
                Some(high) => format!("{}–{}", number(claim.value), number(high)),
                None => number(claim.value),
            };
            let label = match claim.unit.as_deref() {
                Some("%") => format!("{sign}{value}%"),
                Some(code) if crate::scan::lexicon::is_currency_code(code) => {
                    format!("{sign}{code} {value}")
                }
                // "magnitude 7.4", as seismologists write it, and "9.0" to
                // the tenth it was written to.
                Some(MAGNITUDE) if claim.high.is_none() && claim.text.contains('.') => {
                    format!("{sign}{MAGNITUDE} {:.1}", claim.value)
                }
                Some(MAGNITUDE) => format!("{sign}{MAGNITUDE} {value}"),
                Some(noun) => format!("{sign}{value} {}", plural(noun, claim.value)),
                None => format!("{sign}{value}"),
            };
            // "five lakh", "Rs 1,200 crore": show how it was written too.
            let in_words = claim.written_in_words();
            if in_words.is_empty() {
                label
            } else {
                format!("{label} ({})", in_words.join("; "))
            }
        }
    }
}

/// A counted noun as a reader writes it after `value`: "40 boats",
/// "1 boat", "8 stories", "3 feet", "500 people".
fn plural(noun: &str, value: f64) -> String {
    if (value - 1.0).abs() < 1e-9 || !noun.chars().all(|c| c.is_ascii_lowercase() || c == ' ') {
        return noun.to_string();
    }
    crate::model::words::plural(noun)
}

/// A number as a reader writes it: "500,000", "2.5", "12 billion".
pub(crate) fn number(value: f64) -> String {
    let (scaled, word) = if value.abs() >= 1e9 {
        (value / 1e9, " billion")
    } else if value.abs() >= 1e7 {
        (value / 1e6, " million")
    } else {
        (value, "")
    };
    let rounded = (scaled * 100.0).round() / 100.0;
    let whole = rounded.trunc() as i64;
    let mut digits = whole.unsigned_abs().to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    grouped = format!("{}{digits}{grouped}", if whole < 0 { "-" } else { "" });
    let fraction = (rounded - rounded.trunc()).abs();
    if fraction > 1e-9 {
        let decimals = format!("{fraction:.2}");
        grouped.push_str(decimals.trim_start_matches('0').trim_end_matches('0'));
    }
    format!("{grouped}{word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report built from articles that did not come through ingest, so
    /// control codes are still in it.
    fn hostile_report() -> Report {
        let articles = vec![
            crate::Article::new(
                "wire\u{1b}[2J",
                "\u{1b}]0;pwned\u{7}The bridge reopened on Friday after repairs, officials said. \
                 About \u{9b}41m 500 people \u{1b}[5mwatched\u{1b}[0m the opening.",
            )
            .title("Bridge \u{1b}[41mreopens")
            .source("Wire\u{8}\u{8}\u{8}\u{8}Other")
            .date("2023-03-17"),
            crate::Article::new(
                "courier",
                "The bridge reopened on Friday, officials said.\r\nAbout 450 people watched.",
            )
            .source("Courier\u{1b}]0;title\u{7}"),
        ];
        let mut pipeline = crate::Pipeline::new().words(60);
        pipeline.brief("story\u{1b}[2J", articles)
    }

    /// Escape sequences other than plain colours (`ESC[…m` with digits).
    fn commands_in(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (at, c) in text.char_indices() {
            if c == '\u{1b}' {
                let sequence: String = text[at + 1..].chars().take(6).collect();
                let colour = sequence.starts_with('[')
                    && sequence[1..]
                        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                        .starts_with('m');
                if !colour {
                    found.push(sequence);
                }
            } else if crate::scan::controls::is_unsafe_control(c) {
                found.push(format!("{c:?}"));
            }
        }
        found
    }

    #[test]
    fn control_codes_in_a_report_are_shown_not_obeyed() {
        let report = hostile_report();
        for (name, out) in [
            ("text", text(&report, false, Detail::Full)),
            ("markdown", markdown(&report, Detail::Full)),
        ] {
            assert!(
                !out.contains(crate::scan::controls::is_unsafe_control),
                "{name}: {out:?}"
            );
            assert!(out.contains("\\x1b["), "{name} writes the codes out: {out}");
        }
        let coloured = text(&report, true, Detail::Full);
        assert_eq!(commands_in(&coloured), Vec::<String>::new(), "{coloured:?}");
        assert!(coloured.contains("\u{1b}[1m"), "colours are still written");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("boat", 40.0), "boats");
        assert_eq!(plural("story", 8.0), "stories");
        assert_eq!(plural("foot", 3.0), "feet");
        assert_eq!(plural("boat", 1.0), "boat");
        assert_eq!(plural("people", 500.0), "people");
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(500_000.0), "500,000");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(1.2e10), "12 billion");
        assert_eq!(number(2.5e7), "25 million");
        assert_eq!(number(-1200.0), "-1,200");
    }
}
