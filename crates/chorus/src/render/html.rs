//! The story page: one self-contained HTML file (inline CSS, no script, no
//! outside resource), written by `--format html`.
//!
//! Every citation marker is a link to the sentence of the source that
//! states the summary sentence; hovering or focusing it shows that sentence.
//! Templates are compiled in (askama) and escape everything by default.

use askama::Template;

use super::{DocumentsById, claim_label, describe, documents_by_id, status_label, story_documents};
use crate::model::{DocumentReport, FactStatus, Report, StoryReport};

/// The report as one HTML page holding every story.
pub fn html(report: &Report) -> String {
    page(report, false)
}

/// The story page as `chorus serve` shows it: the same page, with a way
/// back to the story list and a link to each source's own page.
pub fn served_html(report: &Report) -> String {
    page(report, true)
}

/// An address a page may link to: http(s) only, so that a source's
/// `javascript:` or `file:` url stays text.
pub fn web_link(url: Option<&str>) -> Option<String> {
    url.filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
}

/// Characters of an id left as they are in a link's path.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

/// An article id as one path segment of a link.
fn path_segment(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, PATH_SEGMENT).to_string()
}

fn page(report: &Report, served: bool) -> String {
    let by_id = documents_by_id(report);
    let page = Page {
        served,
        title: match report.stories.as_slice() {
            [one] => one.headline.clone(),
            stories => format!("{} stories", stories.len()),
        },
        stories: report
            .stories
            .iter()
            .enumerate()
            .map(|(n, story)| story_view(n, story, &by_id))
            .collect(),
        style: STYLE,
    };
    page.render().unwrap_or_else(|e| {
        // The templates are compiled in; rendering owned strings cannot fail.
        format!("<!doctype html><title>chorus</title><p>cannot render the report: {e}</p>")
    })
}

#[derive(Template)]
#[template(path = "story.html")]
struct Page {
    served: bool,
    title: String,
    stories: Vec<StoryView>,
    style: &'static str,
}

/// A story as the page shows it.
struct StoryView {
    anchor: String,
    headline: String,
    meta: String,
    conflicts: usize,
    sentences: Vec<SentenceView>,
    facts: Vec<FactView>,
    quotes: Vec<QuoteView>,
    entities: Vec<EntityView>,
    timeline: Vec<TimelineView>,
    unique: Vec<UniqueView>,
    coverage: Coverage,
    sources: Vec<SourceView>,
    notes: Vec<String>,
}

struct SentenceView {
    text: String,
    cites: Vec<Cite>,
}

/// A citation marker: source number, where it links, what hovering shows.
struct Cite {
    number: usize,
    href: String,
    source: String,
    sentence: String,
}

struct FactView {
    kind: &'static str,
    about: String,
    status: &'static str,
    conflict: bool,
    /// A figure that changed over time: claims earliest first.
    updated: bool,
    claims: Vec<ClaimView>,
}

struct ClaimView {
    label: String,
    text: String,
    cites: Vec<Cite>,
}

struct QuoteView {
    speaker: String,
    text: String,
    cites: Vec<Cite>,
    variants: Vec<(String, Vec<Cite>)>,
}

struct EntityView {
    name: String,
    kind: &'static str,
    aliases: String,
    sources: usize,
}

struct TimelineView {
    date: String,
    text: String,
    cites: Vec<Cite>,
}

struct UniqueView {
    number: usize,
    source: String,
    sentences: Vec<String>,
}

/// Sources × (summary sentences, facts): who reports what.
struct Coverage {
    columns: Vec<(String, String)>,
    rows: Vec<(usize, String, Vec<Cell>)>,
}

/// One coverage cell: states it, states it in conflict with another
/// source, or says nothing of it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cell {
    States,
    Conflicts,
    Silent,
}

impl Cell {
    fn class(self) -> &'static str {
        match self {
            Cell::States => "states",
            Cell::Conflicts => "conflicts",
            Cell::Silent => "silent",
        }
    }

    fn mark(self) -> &'static str {
        match self {
            Cell::States => "●",
            Cell::Conflicts => "▲",
            Cell::Silent => "",
        }
    }
}

struct SourceView {
    number: usize,
    anchor: String,
    path: String,
    label: String,
    url: Option<String>,
    sentences: Vec<(String, String)>,
    removed: Vec<(String, String)>,
    notes: Vec<String>,
}

fn story_view(n: usize, story: &StoryReport, by_id: &DocumentsById<'_>) -> StoryView {
    let documents = story_documents(by_id, story);
    let anchor = format!("s{}", n + 1);
    let cite = |id: &str, sentence: Option<usize>| -> Option<Cite> {
        let position = documents.iter().position(|d| d.id == id)?;
        let document = documents[position];
        let text = sentence.and_then(|s| document.body.get(s)).cloned();
        Some(Cite {
            number: position + 1,
            href: match (sentence, &text) {
                (Some(s), Some(_)) => format!("#{anchor}-d{}-{s}", position + 1),
                _ => format!("#{anchor}-d{}", position + 1),
            },
            source: describe(document),
            sentence: text.unwrap_or_default(),
        })
    };
    let cites =
        |ids: &[String]| -> Vec<Cite> { ids.iter().filter_map(|id| cite(id, None)).collect() };
    let sentences = story
        .summary
        .iter()
        .map(|s| SentenceView {
            text: s.text.clone(),
            cites: if s.evidence.is_empty() {
                cites(&s.sources)
            } else {
                s.evidence
                    .iter()
                    .filter_map(|e| cite(&e.document, Some(e.sentence)))
                    .collect()
            },
        })
        .collect();
    let facts: Vec<FactView> = story
        .facts
        .iter()
        .map(|fact| FactView {
            kind: fact.kind.as_str(),
            about: fact.about.clone(),
            status: status_label(fact.status),
            conflict: fact.status == FactStatus::Conflict,
            updated: fact.status == FactStatus::Updated,
            claims: fact
                .claims
                .iter()
                .map(|claim| ClaimView {
                    label: claim_label(fact, claim),
                    text: claim.text.clone(),
                    cites: cites(&claim.sources),
                })
                .collect(),
        })
        .collect();
    let conflicts = facts.iter().filter(|f| f.conflict).count();
    StoryView {
        headline: story.headline.clone(),
        meta: story_meta(&documents),
        conflicts,
        sentences,
        quotes: story
            .quotes
            .iter()
            .map(|q| QuoteView {
                speaker: q
                    .speaker
                    .clone()
                    .unwrap_or_else(|| "unattributed".to_string()),
                text: q.text.clone(),
                cites: cites(&q.text_sources()),
                variants: q
                    .variants
                    .iter()
                    .map(|v| (v.text.clone(), cites(&v.sources)))
                    .collect(),
            })
            .collect(),
        entities: story
            .entities
            .iter()
            .map(|e| EntityView {
                name: e.name.clone(),
                kind: e.kind.as_str(),
                aliases: e.aliases.join(", "),
                sources: e.sources.len(),
            })
            .collect(),
        timeline: story
            .timeline
            .iter()
            .map(|t| TimelineView {
                date: t.date.clone(),
                text: t.text.clone(),
                cites: cites(&t.sources),
            })
            .collect(),
        unique: story
            .unique
            .iter()
            .filter_map(|u| {
                let number = documents.iter().position(|d| d.id == u.document)? + 1;
                Some(UniqueView {
                    number,
                    source: describe(documents[number - 1]),
                    sentences: u.sentences.clone(),
                })
            })
            .collect(),
        coverage: coverage(story, &documents),
        sources: documents
            .iter()
            .enumerate()
            .map(|(i, d)| SourceView {
                number: i + 1,
                anchor: format!("{anchor}-d{}", i + 1),
                path: path_segment(&d.id),
                label: describe(d),
                url: d
                    .url
                    .clone()
                    .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
                sentences: d
                    .body
                    .iter()
                    .enumerate()
                    .map(|(s, text)| (format!("{anchor}-d{}-{s}", i + 1), text.clone()))
                    .collect(),
                removed: d
                    .removed
                    .iter()
                    .map(|r| (r.reason.clone(), r.text.clone()))
                    .collect(),
                notes: d.notes.clone(),
            })
            .collect(),
        notes: story.notes.clone(),
        facts,
        anchor,
    }
}

/// "4 sources · 2023-03-14 to 2023-03-15".
fn story_meta(documents: &[&DocumentReport]) -> String {
    let mut dates: Vec<&str> = documents.iter().filter_map(|d| d.date.as_deref()).collect();
    dates.sort_unstable();
    let count = match documents.len() {
        1 => "1 source".to_string(),
        n => format!("{n} sources"),
    };
    match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if first != last => format!("{count} · {first} to {last}"),
        (Some(first), _) => format!("{count} · {first}"),
        _ => count,
    }
}

fn coverage(story: &StoryReport, documents: &[&DocumentReport]) -> Coverage {
    let mut columns: Vec<(String, String)> = story
        .summary
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("S{}", i + 1), s.text.clone()))
        .collect();
    // Facts more than one source speaks of: the rest is in "only in".
    let shared: Vec<_> = story
        .facts
        .iter()
        .filter(|f| f.status != FactStatus::SingleSource)
        .collect();
    columns.extend(shared.iter().enumerate().map(|(i, f)| {
        (
            format!("F{}", i + 1),
            format!("{}: {}", f.kind.as_str(), f.about),
        )
    }));
    let rows = documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut cells: Vec<Cell> = story
                .summary
                .iter()
                .map(|s| {
                    if s.sources.contains(&d.id) {
                        Cell::States
                    } else {
                        Cell::Silent
                    }
                })
                .collect();
            cells.extend(shared.iter().map(|f| {
                if !f.claims.iter().any(|c| c.sources.contains(&d.id)) {
                    Cell::Silent
                } else if f.status == FactStatus::Conflict {
                    Cell::Conflicts
                } else {
                    Cell::States
                }
            }));
            (
                i + 1,
                d.source.clone().unwrap_or_else(|| d.id.clone()),
                cells,
            )
        })
        .collect();
    Coverage { columns, rows }
}

/// The pages' one style sheet, written into each page.
pub const STYLE: &str = include_str!("../../templates/story.css");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FromRef, SummarySentence};

    fn document(id: &str, body: &[&str]) -> DocumentReport {
        DocumentReport {
            id: id.into(),
            title: Some(format!("Title of {id}")),
            source: Some(format!("Outlet <{id}>")),
            url: Some("javascript:alert(1)".into()),
            date: None,
            sentences: body.len(),
            removed: Vec::new(),
            duplicate_of: None,
            language: None,
            notes: Vec::new(),
            body: body.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn markers_link_to_and_show_the_stating_sentence_and_text_is_escaped() {
        let report = Report {
            version: 1,
            documents: vec![
                document("a", &["Intro.", "Crews walked out <on Monday>."]),
                document("b", &["The strike began on Monday."]),
            ],
            stories: vec![StoryReport {
                id: "x".into(),
                headline: "Ferry strike & pay".into(),
                documents: vec!["a".into(), "b".into()],
                summary: vec![SummarySentence {
                    text: "Crews walked out <on Monday>.".into(),
                    sources: vec!["a".into(), "b".into()],
                    from: FromRef {
                        document: "a".into(),
                        sentence: 1,
                    },
                    evidence: vec![
                        FromRef {
                            document: "a".into(),
                            sentence: 1,
                        },
                        FromRef {
                            document: "b".into(),
                            sentence: 0,
                        },
                    ],
                }],
                ..StoryReport::default()
            }],
        };
        let page = html(&report);
        assert!(page.contains("href=\"#s1-d2-0\""), "{page}");
        assert!(page.contains("id=\"s1-d2-0\""));
        assert!(page.contains("The strike began on Monday."));
        assert!(page.contains("Ferry strike &#38; pay"), "{page}");
        assert!(page.contains("&#60;on Monday&#62;"));
        assert!(!page.contains("<on Monday>"));
        assert!(
            !page.contains("href=\"javascript:"),
            "only http(s) addresses become links"
        );
        assert!(!page.contains("<script"));
        assert!(
            !page.contains(" src=") && !page.contains("<link"),
            "nothing is loaded from outside"
        );
    }
}
