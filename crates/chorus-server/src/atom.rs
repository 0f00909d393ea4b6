//! `/feed.atom`: the stories as an Atom feed, the most recently updated
//! first, each entry a story's headline and brief with its sources, so
//! that a feed reader follows chorus as it follows any site.

use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use chorus::model::Report;
use chorus_store::StoredStory;

use super::{App, PageError, ServerError, with_store};

/// Stories in the feed.
const FEED_STORIES: usize = 50;

/// The stories as Atom, links made absolute from the request's `Host`.
pub(super) async fn stories_feed(
    State(app): State<App>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic()))
        .unwrap_or("localhost");
    let base = format!("http://{host}");
    let entries = with_store(&app, |store| {
        // Newest first by the latest publication date of their articles.
        let mut stories = store.stories()?;
        stories.sort_by(|a, b| b.last_seen.cmp(&a.last_seen).then(b.id.cmp(&a.id)));
        stories.truncate(FEED_STORIES);
        let mut entries = Vec::with_capacity(stories.len());
        for story in stories {
            let report = store.report(story.id)?;
            entries.push((story, report));
        }
        Ok(entries)
    })
    .await?;
    let mut written = Vec::with_capacity(entries.len());
    for (story, json) in entries {
        let report: Option<Report> = match json {
            Some(json) => {
                Some(
                    serde_json::from_str(&json).map_err(|source| ServerError::Report {
                        story: story.id,
                        source,
                    })?,
                )
            }
            None => None,
        };
        written.push(entry(&base, &story, report.as_ref()));
    }
    let body = feed(&base, &written);
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}

/// An entry, written, with its `updated` time.
struct Entry {
    updated: String,
    xml: String,
}

fn feed(base: &str, entries: &[Entry]) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or(UNKNOWN_TIME);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>chorus: stories</title>\n<id>{base}/feed.atom</id>\n<link rel=\"self\" href=\"{base}/feed.atom\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{base}/\"/>\n<updated>{updated}</updated>\n<author><name>chorus</name></author>\n<generator>chorus</generator>\n",
        base = escape(base),
    );
    for entry in entries {
        out.push_str(&entry.xml);
    }
    out.push_str("</feed>\n");
    out
}

/// Atom needs a time on every entry; a story none of whose articles is
/// dated gets the epoch rather than a made-up time.
const UNKNOWN_TIME: &str = "1970-01-01T00:00:00Z";

fn entry(base: &str, story: &StoredStory, report: Option<&Report>) -> Entry {
    let link = format!("{base}/stories/{}", story.id);
    let updated = story
        .last_seen
        .as_deref()
        .filter(|d| d.len() == 10 && d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .map_or_else(|| UNKNOWN_TIME.to_string(), |d| format!("{d}T00:00:00Z"));
    let mut html = String::new();
    if let Some(brief) = report.and_then(|r| r.stories.first()) {
        for sentence in &brief.summary {
            html.push_str(&format!("<p>{}</p>", escape(&sentence.text)));
        }
    }
    if let Some(report) = report {
        html.push_str("<p>Sources:</p><ul>");
        for document in &report.documents {
            let title = document.title.as_deref().unwrap_or(&document.id);
            let outlet = document
                .source
                .as_deref()
                .map(|s| format!(" ({})", escape(s)));
            let item = match &document.url {
                Some(url) => format!("<a href=\"{}\">{}</a>", escape(url), escape(title)),
                None => escape(title),
            };
            html.push_str(&format!("<li>{item}{}</li>", outlet.unwrap_or_default()));
        }
        html.push_str("</ul>");
    }
    let xml = format!(
        "<entry>\n<title>{title}</title>\n<id>{link}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n<updated>{updated}</updated>\n<summary>{count}</summary>\n<content type=\"html\">{html}</content>\n</entry>\n",
        title = escape(&story.headline),
        link = escape(&link),
        count = escape(&format!(
            "{} articles from {}",
            story.articles,
            story.sources.join(", ")
        )),
        html = escape(&html),
    );
    Entry { updated, xml }
}

/// Text made safe inside XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_and_no_forbidden_characters() {
        assert_eq!(escape("a<b & \"c\"\u{1b}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
