//! Terminal text: headline, summary with [n] markers, numbered sources.

use owo_colors::OwoColorize;

use super::{
    ENTITIES_SHOWN, SINGLE_SOURCE_SHOWN, StoryDocuments, claim_label, describe, documents_by_id,
    markers, status_label, story_documents,
};
use crate::model::{FactStatus, Report, StoryReport};

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
        compared(&mut out, story, &documents, color);
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

/// The compare sections: facts, quotes, names, timeline, only-in.
fn compared(out: &mut String, story: &StoryReport, documents: &StoryDocuments<'_>, color: bool) {
    let cite = |sources: &[String]| {
        paint(&markers(documents, sources), color, |t| {
            t.cyan().to_string()
        })
    };
    if !story.facts.is_empty() {
        heading(out, "Facts:", color);
        let shown = story
            .facts
            .iter()
            .filter(|f| f.status != FactStatus::SingleSource)
            .chain(
                story
                    .facts
                    .iter()
                    .filter(|f| f.status == FactStatus::SingleSource)
                    .take(SINGLE_SOURCE_SHOWN),
            );
        let mut count = 0;
        for fact in shown {
            count += 1;
            let claims: Vec<String> = fact
                .claims
                .iter()
                .map(|c| format!("{} {}", claim_label(fact, c), cite(&c.sources)))
                .collect();
            let status = status_label(fact.status);
            let status = match fact.status {
                FactStatus::Conflict => paint(status, color, |t| t.red().bold().to_string()),
                FactStatus::Agreed => paint(status, color, |t| t.green().to_string()),
                FactStatus::SingleSource => paint(status, color, |t| t.dimmed().to_string()),
            };
            out.push_str(&format!(
                "  {}: {} — {status}\n",
                fact.about,
                claims.join(" · ")
            ));
        }
        if story.facts.len() > count {
            left_out(out, story.facts.len() - count, "single-source facts", color);
        }
    }
    if !story.quotes.is_empty() {
        heading(out, "Quotes:", color);
        for quote in &story.quotes {
            let speaker = quote.speaker.as_deref().unwrap_or("(speaker unknown)");
            let wording_sources = quote.text_sources();
            out.push_str(&format!(
                "  {speaker}: \"{}\" {}\n",
                quote.text,
                cite(&wording_sources)
            ));
            for variant in &quote.variants {
                out.push_str(&format!(
                    "      also: \"{}\" {}\n",
                    variant.text,
                    cite(&variant.sources)
                ));
            }
        }
    }
    if !story.entities.is_empty() {
        heading(out, "Named:", color);
        let shown: Vec<_> = story
            .entities
            .iter()
            .filter(|e| e.sources.len() > 1)
            .chain(story.entities.iter().filter(|e| e.sources.len() == 1))
            .take(
                ENTITIES_SHOWN.max(
                    story
                        .entities
                        .iter()
                        .filter(|e| e.sources.len() > 1)
                        .count(),
                ),
            )
            .collect();
        for entity in &shown {
            let kind = entity.kind.as_str();
            let aliases = if entity.aliases.is_empty() {
                String::new()
            } else {
                format!("; also {}", entity.aliases.join(", "))
            };
            out.push_str(&format!(
                "  {} ({kind}{aliases}) {}\n",
                entity.name,
                cite(&entity.sources)
            ));
        }
        if story.entities.len() > shown.len() {
            left_out(out, story.entities.len() - shown.len(), "", color);
        }
    }
    if !story.timeline.is_empty() {
        heading(out, "Timeline:", color);
        for event in &story.timeline {
            out.push_str(&format!(
                "  {:<10}  {} {}\n",
                event.date,
                event.text,
                cite(&event.sources)
            ));
        }
    }
    if !story.unique.is_empty() {
        heading(out, "Only in:", color);
        for only in &story.unique {
            let sources = std::slice::from_ref(&only.document);
            for sentence in &only.sentences {
                out.push_str(&format!("  {} {sentence}\n", cite(sources)));
            }
        }
    }
    for note in &story.notes {
        let line = format!("note: {note}");
        out.push_str(&format!(
            "{}\n",
            paint(&line, color, |t| t.dimmed().to_string())
        ));
    }
}

/// "(and 7 more single-source facts; see --format json)", dimmed.
fn left_out(out: &mut String, count: usize, what: &str, color: bool) {
    let what = if what.is_empty() {
        String::new()
    } else {
        format!(" {what}")
    };
    let line = format!("  (and {count} more{what}; see --format json)");
    out.push_str(&format!(
        "{}\n",
        paint(&line, color, |t| t.dimmed().to_string())
    ));
}
