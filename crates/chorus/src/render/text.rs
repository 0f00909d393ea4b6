//! Terminal text: headline, summary with [n] markers, numbered sources.
//!
//! Every piece of a report goes through [`safe`] on its way in, so that a
//! control code left in a report (one built from articles that did not come
//! through ingest, or an old stored one) is shown, not obeyed; the only
//! escape sequences written are this renderer's own colours.

use owo_colors::OwoColorize;

use crate::scan::controls::escape_controls as safe;

use super::brief::{self, Detail};
use super::{
    StoryDocuments, claim_label, claims_joiner, describe, documents_by_id, markers, plural,
    status_label, story_documents,
};
use crate::model::{FactStatus, RemovalReason, Report, StoryReport};

/// Renders the report as text, with ANSI colour when `color` is set, as a
/// brief or in full.
pub fn text(report: &Report, color: bool, detail: Detail) -> String {
    let mut out = String::new();
    let by_id = documents_by_id(report);
    for (n, story) in report.stories.iter().enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        let documents = story_documents(&by_id, story);
        let headline = safe(&story.headline);
        if color {
            out.push_str(&format!("{}\n\n", headline.bold()));
        } else {
            out.push_str(&format!("{headline}\n\n"));
        }
        for sentence in &story.summary {
            let marks = markers(&documents, &sentence.sources);
            let text = safe(&sentence.text);
            if color {
                out.push_str(&format!("{text} {}\n", marks.cyan()));
            } else {
                out.push_str(&format!("{text} {marks}\n"));
            }
        }
        if story.summary.is_empty() {
            out.push_str("(no sentence to summarize)\n");
        }
        compared(&mut out, story, &documents, color, detail);
        out.push_str("\nSources:\n");
        for (i, document) in documents.iter().enumerate() {
            let label = format!("[{}]", i + 1);
            let label = if color {
                label.cyan().to_string()
            } else {
                label
            };
            let about = describe(document);
            let id = safe(&document.id);
            if about.is_empty() {
                out.push_str(&format!("{label} {id}\n"));
            } else {
                out.push_str(&format!("{label} {id}: {}\n", safe(&about)));
            }
            for note in &document.notes {
                let line = format!("    note: {}", safe(note));
                if color {
                    out.push_str(&format!("{}\n", line.dimmed()));
                } else {
                    out.push_str(&format!("{line}\n"));
                }
            }
        }
        let all = documents.iter().flat_map(|d| &d.removed);
        let datelines = all
            .clone()
            .filter(|r| r.reason == RemovalReason::Dateline.as_str())
            .count();
        let lines = all.count() - datelines;
        let removed: Vec<String> = [(lines, "boilerplate line"), (datelines, "dateline")]
            .into_iter()
            .filter(|&(count, _)| count > 0)
            .map(|(count, noun)| format!("{count} {}", plural(noun, count as f64)))
            .collect();
        if !removed.is_empty() {
            let line = format!("({} removed; see --format json)", removed.join(" and "));
            if color {
                out.push_str(&format!("{}\n", line.dimmed()));
            } else {
                out.push_str(&format!("{line}\n"));
            }
        }
    }
    out
}

/// Paints `text` when colour is on.
fn paint(text: &str, color: bool, how: fn(&str) -> String) -> String {
    if color { how(text) } else { text.to_string() }
}

fn heading(out: &mut String, title: &str, color: bool) {
    out.push_str(&format!(
        "\n{}\n",
        paint(title, color, |t| t.bold().to_string())
    ));
}

/// The compare sections: facts, quotes, names, timeline, only-in; each cut
/// to a brief unless `detail` asks for everything.
fn compared(
    out: &mut String,
    story: &StoryReport,
    documents: &StoryDocuments<'_>,
    color: bool,
    detail: Detail,
) {
    let cite = |sources: &[String]| {
        paint(&markers(documents, sources), color, |t| {
            t.cyan().to_string()
        })
    };
    if !story.facts.is_empty() {
        heading(out, "Facts:", color);
        let picked = brief::facts(story, detail);
        for fact in &picked.items {
            let claims: Vec<String> = fact
                .claims
                .iter()
                .map(|c| format!("{} {}", safe(&claim_label(fact, c)), cite(&c.sources)))
                .collect();
            let status = status_label(fact.status);
            let status = match fact.status {
                FactStatus::Conflict => paint(status, color, |t| t.red().bold().to_string()),
                FactStatus::Updated => paint(status, color, |t| t.yellow().to_string()),
                FactStatus::Agreed => paint(status, color, |t| t.green().to_string()),
                FactStatus::SingleSource => paint(status, color, |t| t.dimmed().to_string()),
            };
            out.push_str(&format!(
                "  {}: {} — {status}\n",
                safe(&fact.about),
                claims.join(claims_joiner(fact.status))
            ));
        }
        left_out(out, picked.left_out, "facts", color);
    }
    if !story.quotes.is_empty() {
        heading(out, "Quotes:", color);
        let picked = brief::quotes(story, detail);
        for quote in &picked.items {
            let speaker = safe(quote.speaker.as_deref().unwrap_or("(speaker unknown)"));
            let wording_sources = quote.text_sources();
            out.push_str(&format!(
                "  {speaker}: \"{}\" {}\n",
                safe(&quote.text),
                cite(&wording_sources)
            ));
            for variant in &quote.variants {
                out.push_str(&format!(
                    "      also: \"{}\" {}\n",
                    safe(&variant.text),
                    cite(&variant.sources)
                ));
            }
        }
        left_out(out, picked.left_out, "quotes", color);
    }
    if !story.entities.is_empty() {
        heading(out, "Named:", color);
        let picked = brief::entities(story, detail);
        for entity in &picked.items {
            let kind = entity.kind.as_str();
            let aliases = if entity.aliases.is_empty() {
                String::new()
            } else {
                format!("; also {}", safe(&entity.aliases.join(", ")))
            };
            out.push_str(&format!(
                "  {} ({kind}{aliases}) {}\n",
                safe(&entity.name),
                cite(&entity.sources)
            ));
        }
        left_out(out, picked.left_out, "names", color);
    }
    if !story.timeline.is_empty() {
        heading(out, "Timeline:", color);
        let picked = brief::timeline(story, detail);
        for event in &picked.items {
            out.push_str(&format!(
                "  {:<10}  {} {}\n",
                safe(&event.date),
                safe(&event.text),
                cite(&event.sources)
            ));
        }
        left_out(out, picked.left_out, "dated events", color);
    }
    let (own, more) = brief::unique(story, detail);
    if !own.is_empty() {
        heading(out, "Only in:", color);
        for only in &own {
            let sources = [only.document.to_string()];
            for sentence in &only.sentences {
                out.push_str(&format!("  {} {}\n", cite(&sources), safe(sentence)));
            }
        }
        left_out(out, more, "sentences only one source has", color);
    }
    for note in &story.notes {
        let line = format!("note: {}", safe(note));
        out.push_str(&format!(
            "{}\n",
            paint(&line, color, |t| t.dimmed().to_string())
        ));
    }
}

/// "(and 7 more facts; --full prints them)", dimmed; nothing when none
/// were left out.
fn left_out(out: &mut String, count: usize, what: &str, color: bool) {
    if count == 0 {
        return;
    }
    let line = format!(
        "  (and {}; --full prints them)",
        brief::count_of(count, what)
    );
    out.push_str(&format!(
        "{}\n",
        paint(&line, color, |t| t.dimmed().to_string())
    ));
}
