//! The story page: one self-contained HTML file (inline CSS, no script, no
//! outside resource), written by `--format html`.
//!
//! Every citation marker is a link to the sentence of the source that
//! states the summary sentence; hovering or focusing it shows that sentence.
//! Templates are compiled in (askama) and escape everything by default.

use askama::Template;
use rustc_hash::FxHashSet;

use super::{
    DocumentsById, StoryDocuments, claim_label, describe, documents_by_id, status_label,
    story_documents,
};
use crate::model::{DocumentReport, FactStatus, Report, StoryReport};
use crate::prepare::limits::thousands;

/// The report as one HTML page holding every story.
pub fn html(report: &Report) -> String {
    page(report, None)
}

/// The story page as `chorus serve` shows it: the same page, with a way
/// back to the story list, a link to each source's own page, only one page
/// of sources in full, and `feed` (the address of the story's Atom feed)
/// announced to feed readers. `keep` is the rest of the page's query
/// string (already encoded, e.g. `since=2026-12-03`, or empty), kept in
/// the links to the other pages of sources.
pub fn served_html(report: &Report, feed: &str, sources: SourceWindow, keep: &str) -> String {
    page(report, Some((feed, sources, keep)))
}

/// Which of a story's sources a served page shows in full (their row of
/// the coverage grid, their sentences, what only they report), so that a
/// story of 20,000 sources is a page of `size` of them, not a grid of
/// 20,000 rows; the others are a link (`?sources=N`) away. Citation
/// markers of sources on other pages link to the source's own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceWindow {
    /// The page, from 0.
    pub page: usize,
    /// Sources a page shows.
    pub size: usize,
}

impl SourceWindow {
    /// Whether the source at `position` (from 0) is on this page.
    fn shows(self, position: usize) -> bool {
        position / self.size.max(1) == self.page
    }
}

/// "Sources 51–100 of 20000", with links to the pages before and after.
struct Pager {
    first: usize,
    last: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
}

fn pager(sources: SourceWindow, total: usize, keep: &str) -> Option<Pager> {
    let size = sources.size.max(1);
    let link = |page: usize| match keep {
        "" => format!("?sources={page}"),
        keep => format!("?sources={page}&{keep}"),
    };
    if total <= size && sources.page == 0 {
        return None;
    }
    let first = sources.page.saturating_mul(size);
    Some(Pager {
        first: first + 1,
        last: first.saturating_add(size).min(total),
        total,
        previous: (sources.page > 0).then(|| link(sources.page - 1)),
        next: (first.saturating_add(size) < total).then(|| link(sources.page + 1)),
    })
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

/// The page; `served` (the feed's address and the page of sources) is
/// given when served, never for a file.
fn page(report: &Report, served: Option<(&str, SourceWindow, &str)>) -> String {
    let by_id = documents_by_id(report);
    let sources = served.map(|(_, sources, keep)| (sources, keep));
    let page = Page {
        served: served.is_some(),
        feed: served.map(|(feed, _, _)| feed.to_string()),
        title: match report.stories.as_slice() {
            [one] => one.headline.clone(),
            stories => format!("{} stories", stories.len()),
        },
        stories: report
            .stories
            .iter()
            .enumerate()
            .map(|(n, story)| story_view(n, story, &by_id, sources))
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
    feed: Option<String>,
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
    pager: Option<Pager>,
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

/// Sources × (summary sentences, facts): who reports what, for at most
/// [`GRID_SOURCES`] sources and [`GRID_FACTS`] facts; `notes` says what
/// the grid leaves out.
struct Coverage {
    columns: Vec<(String, String)>,
    rows: Vec<(usize, String, Vec<Cell>)>,
    notes: Vec<String>,
}

/// Sources the coverage grid shows at most (the first, in story order):
/// a story of thousands of sources would make a grid of millions of cells.
/// The most sources any story of the evaluation data has is 39.
pub const GRID_SOURCES: usize = 50;
/// Facts the coverage grid shows at most (the first, in the order the
/// facts are listed).
pub const GRID_FACTS: usize = 40;

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

fn story_view(
    n: usize,
    story: &StoryReport,
    by_id: &DocumentsById<'_>,
    served: Option<(SourceWindow, &str)>,
) -> StoryView {
    let window = served.map(|(window, _)| window);
    let documents = story_documents(by_id, story);
    let anchor = format!("s{}", n + 1);
    let shown = |position: usize| window.is_none_or(|w| w.shows(position));
    let cite = |id: &str, sentence: Option<usize>| -> Option<Cite> {
        let position = documents.number(id)? - 1;
        let document = documents[position];
        let text = sentence.and_then(|s| document.body.get(s)).cloned();
        Some(Cite {
            number: position + 1,
            href: match (sentence, &text, shown(position)) {
                (Some(s), Some(_), true) => format!("#{anchor}-d{}-{s}", position + 1),
                (_, _, true) => format!("#{anchor}-d{}", position + 1),
                (Some(s), Some(_), false) => format!("/sources/{}#s{s}", path_segment(id)),
                (_, _, false) => format!("/sources/{}", path_segment(id)),
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
                let number = documents.number(&u.document)?;
                if !shown(number - 1) {
                    return None;
                }
                Some(UniqueView {
                    number,
                    source: describe(documents[number - 1]),
                    sentences: u.sentences.clone(),
                })
            })
            .collect(),
        coverage: coverage(story, &documents, window),
        pager: served.and_then(|(w, keep)| pager(w, documents.len(), keep)),
        sources: documents
            .iter()
            .enumerate()
            .filter(|&(i, _)| shown(i))
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

fn coverage(
    story: &StoryReport,
    documents: &StoryDocuments<'_>,
    window: Option<SourceWindow>,
) -> Coverage {
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
    let mut notes = Vec::new();
    if shared.len() > GRID_FACTS {
        notes.push(format!(
            "the grid shows the first {GRID_FACTS} of the {} facts several sources give; all are listed under Facts",
            thousands(shared.len())
        ));
    }
    // The grid's rows are the sources the page shows in full: a served
    // page's window of them, or a file's first [`GRID_SOURCES`]; never
    // more than [`GRID_SOURCES`] either way.
    let rows_of = window.unwrap_or(SourceWindow {
        page: 0,
        size: GRID_SOURCES,
    });
    let on_page = documents
        .len()
        .saturating_sub(rows_of.page.saturating_mul(rows_of.size.max(1)))
        .min(rows_of.size.max(1));
    if window.is_none() && documents.len() > GRID_SOURCES {
        notes.push(format!(
            "the grid shows the first {GRID_SOURCES} of the story's {} sources; all are listed under Sources",
            thousands(documents.len())
        ));
    } else if on_page > GRID_SOURCES {
        notes.push(format!(
            "the grid shows the first {GRID_SOURCES} of this page's {} sources; all are listed under Sources",
            thousands(on_page)
        ));
    }
    let shared = &shared[..shared.len().min(GRID_FACTS)];
    columns.extend(shared.iter().enumerate().map(|(i, f)| {
        (
            format!("F{}", i + 1),
            format!("{}: {}", f.kind.as_str(), f.about),
        )
    }));
    // Each column's sources by number: one lookup per cell.
    let numbered = |sources: &mut dyn Iterator<Item = &String>| -> FxHashSet<usize> {
        sources.filter_map(|id| documents.number(id)).collect()
    };
    let stating: Vec<FxHashSet<usize>> = story
        .summary
        .iter()
        .map(|s| numbered(&mut s.sources.iter()))
        .chain(
            shared
                .iter()
                .map(|f| numbered(&mut f.claims.iter().flat_map(|c| &c.sources))),
        )
        .collect();
    let summary = story.summary.len();
    let rows = documents
        .iter()
        .enumerate()
        .filter(|&(i, _)| rows_of.shows(i))
        .take(GRID_SOURCES)
        .map(|(i, d)| {
            // The number sources are cited by (the first, if two share an id).
            let cited = documents.number(&d.id);
            let cells = stating
                .iter()
                .enumerate()
                .map(|(column, sources)| {
                    let conflict = column >= summary
                        && shared[column - summary].status == FactStatus::Conflict;
                    match (cited.is_some_and(|n| sources.contains(&n)), conflict) {
                        (false, _) => Cell::Silent,
                        (true, true) => Cell::Conflicts,
                        (true, false) => Cell::States,
                    }
                })
                .collect();
            (
                i + 1,
                d.source.clone().unwrap_or_else(|| d.id.clone()),
                cells,
            )
        })
        .collect();
    Coverage {
        columns,
        rows,
        notes,
    }
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
    fn the_coverage_grid_is_bounded_and_says_what_it_leaves_out() {
        use crate::model::{Bound, Claim, Fact, FactKind};
        let documents: Vec<DocumentReport> = (0..GRID_SOURCES + 10)
            .map(|i| document(&format!("d{i}"), &["A sentence."]))
            .collect();
        let ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
        let claim = |sources: &[String]| Claim {
            value: 1.0,
            high: None,
            unit: None,
            bound: Bound::Exact,
            text: "one".into(),
            also_written: Vec::new(),
            resolved: None,
            sources: sources.to_vec(),
        };
        let facts: Vec<Fact> = (0..GRID_FACTS + 5)
            .map(|i| Fact {
                kind: FactKind::Quantity,
                about: format!("thing {i}"),
                status: if i == 0 {
                    FactStatus::Conflict
                } else {
                    FactStatus::Agreed
                },
                claims: vec![claim(&ids[..2]), claim(&ids[3..4])],
            })
            .collect();
        let report = Report {
            version: 1,
            stories: vec![StoryReport {
                id: "x".into(),
                headline: "Many".into(),
                documents: ids.clone(),
                facts,
                ..StoryReport::default()
            }],
            documents,
        };
        let by_id = documents_by_id(&report);
        let story = &report.stories[0];
        let grid = coverage(story, &story_documents(&by_id, story), None);
        assert_eq!(grid.rows.len(), GRID_SOURCES);
        assert_eq!(grid.columns.len(), GRID_FACTS);
        assert_eq!(grid.notes.len(), 2, "{:?}", grid.notes);
        assert!(grid.notes[1].contains("first 50 of the story's 60 sources"));
        let row = |n: usize| &grid.rows[n].2;
        assert!(row(0)[0] == Cell::Conflicts && row(0)[1] == Cell::States);
        assert!(row(2).iter().all(|&c| c == Cell::Silent));
        assert!(row(3)[1] == Cell::States);
        let page = html(&report);
        assert!(page.contains("the grid shows the first 40 of the 45 facts"));
        // Served, the grid's rows are the page's sources: the second page
        // of 50 is sources 51 to 60, with nothing left out.
        let documents = story_documents(&by_id, story);
        let window = |page, size| Some(SourceWindow { page, size });
        let second = coverage(story, &documents, window(1, GRID_SOURCES));
        let numbers: Vec<usize> = second.rows.iter().map(|r| r.0).collect();
        assert_eq!(
            numbers,
            (GRID_SOURCES + 1..=GRID_SOURCES + 10).collect::<Vec<_>>()
        );
        assert_eq!(second.notes.len(), 1, "{:?}", second.notes);
        // A page bigger than the grid still gets at most GRID_SOURCES rows.
        let big = coverage(story, &documents, window(0, GRID_SOURCES + 10));
        assert_eq!(big.rows.len(), GRID_SOURCES);
        assert!(big.notes[1].contains("first 50 of this page's 60 sources"));
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

    const FEED: &str = "/stories/1/feed.atom";

    #[test]
    fn a_served_page_shows_one_page_of_sources_and_links_to_the_rest() {
        let summary = |text: &str, sources: &[&str]| SummarySentence {
            text: text.into(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            from: FromRef {
                document: sources[0].into(),
                sentence: 0,
            },
            evidence: sources
                .iter()
                .map(|s| FromRef {
                    document: s.to_string(),
                    sentence: 0,
                })
                .collect(),
        };
        let report = Report {
            version: 1,
            documents: vec![
                document("a", &["Crews walked out."]),
                document("b", &["The crews walked out."]),
                document("c", &["Crews struck on Monday."]),
            ],
            stories: vec![StoryReport {
                id: "x".into(),
                headline: "Strike".into(),
                documents: vec!["a".into(), "b".into(), "c".into()],
                summary: vec![summary("Crews walked out.", &["a", "b", "c"])],
                ..StoryReport::default()
            }],
        };
        let second = served_html(&report, FEED, SourceWindow { page: 1, size: 2 }, "");
        assert!(second.contains("Sources 3–3 of 3"), "{second}");
        assert!(second.contains("href=\"?sources=0\""));
        assert!(!second.contains("?sources=2"));
        // Only source 3's sentences and grid row are on this page.
        assert!(second.contains("id=\"s1-d3-0\""));
        assert!(!second.contains("id=\"s1-d1-0\""));
        assert_eq!(second.matches("<tr><th><a href=\"#s1-d").count(), 1);
        // Markers of sources on another page link to their own page.
        assert!(second.contains("href=\"/sources/a#s0\""), "{second}");
        assert!(second.contains("href=\"#s1-d3-0\""));
        let first = served_html(&report, FEED, SourceWindow { page: 0, size: 2 }, "");
        assert!(first.contains("Sources 1–2 of 3") && first.contains("href=\"?sources=1\""));
        // A brief since a time pages its sources still since that time.
        let since = served_html(
            &report,
            FEED,
            SourceWindow { page: 0, size: 2 },
            "since=2026-12-03",
        );
        assert!(
            since.contains("href=\"?sources=1&#38;since=2026-12-03\""),
            "{since}"
        );
        let whole = served_html(&report, FEED, SourceWindow { page: 0, size: 3 }, "");
        assert!(!whole.contains("Sources 1–"), "one page needs no pager");
        assert!(!html(&report).contains("?sources="));
    }
}
