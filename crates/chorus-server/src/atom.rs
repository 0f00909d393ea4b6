//! The Atom feeds: `/feed.atom`, the stories, the most recently changed
//! first, each entry a story's headline and brief with its sources; and
//! `/stories/{id}/feed.atom`, one story's updates. A feed reader follows
//! chorus as it follows any site.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, SecondsFormat};

use chorus::model::Report;
use chorus::render::web_link;
use chorus_store::{AddedArticle, StoreError, StoredStory};

use super::{ApiError, App, ServerError, report, story_id, with_store};

/// Stories in `/feed.atom`: the feed is a window on what changed lately,
/// not an archive, so it reads this many stories whatever the store holds.
const FEED_STORIES: usize = 50;
/// Articles in a story's feed, the last to join first.
const STORY_ARTICLES: usize = 50;

/// The stories as Atom, links made absolute from the request's `Host`.
/// Failures are answered as the API's JSON: whoever asks for a feed is a
/// program.
pub(super) async fn stories_feed(
    State(app): State<App>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let base = base(&headers);
    let entries = with_store(&app, |store| {
        let stories = store.recently_updated(FEED_STORIES)?;
        let mut entries = Vec::with_capacity(stories.len());
        for updated in stories {
            // A story whose brief could not be built is listed without
            // one rather than failing the whole feed.
            let report = match store.report(updated.story.id) {
                Err(StoreError::BuildFailed { .. }) => None,
                report => report?,
            };
            entries.push((updated, report));
        }
        Ok(entries)
    })
    .await?;
    let mut written = Vec::with_capacity(entries.len());
    for (updated, json) in entries {
        let report: Option<Report> = match json {
            Some(json) => {
                Some(
                    serde_json::from_str(&json).map_err(|source| ServerError::Report {
                        story: updated.story.id,
                        source,
                    })?,
                )
            }
            None => None,
        };
        written.push(story_entry(
            &base,
            &updated.story,
            report.as_ref(),
            time(updated.updated),
        ));
    }
    let head = FeedHead {
        title: "chorus: stories".to_string(),
        id: format!("{base}/feed.atom"),
        page: format!("{base}/"),
    };
    Ok(atom(feed(&head, &written)))
}

/// One story's updates as Atom. A reader following one story wants to be
/// told when new coverage arrives, and readers show an entry they have
/// not seen as unread but mostly ignore a changed `updated` on one they
/// have: so each article that joins the story is an entry of its own
/// (its headline, outlet, link and publication date), the newest first.
/// The story's current brief is an entry too, under the story's address,
/// `updated` when the story last changed, so that a reader that does
/// follow updates (and anyone opening the feed) has the synthesis and not
/// only the list.
pub(super) async fn story_feed(
    State(app): State<App>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = story_id(&raw)?;
    let base = base(&headers);
    // Unknown story: 404 from here.
    let report = report(&app, id).await?;
    let articles = with_store(&app, move |store| store.recently_added(id, STORY_ARTICLES)).await?;
    let brief = report.stories.first();
    let headline = brief.map(|s| s.headline.clone()).unwrap_or_default();
    let updated = articles
        .first()
        .map_or_else(|| UNKNOWN_TIME.to_string(), |a| time(a.added));
    let story = StoredStory {
        id,
        headline: headline.clone(),
        articles: report.documents.len(),
        sources: sources(&report),
        first_seen: None,
        last_seen: None,
        conflicts: None,
        failed: None,
    };
    let mut entries = vec![story_entry(&base, &story, Some(&report), updated)];
    entries.extend(articles.iter().map(|a| article_entry(&base, id, a)));
    let head = FeedHead {
        title: format!("chorus: {}", story_title(&story)),
        id: format!("{base}/stories/{id}/feed.atom"),
        page: format!("{base}/stories/{id}"),
    };
    Ok(atom(feed(&head, &entries)))
}

/// `http://` and the request's `Host`, for the absolute links Atom wants.
fn base(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic()))
        .unwrap_or("localhost");
    format!("http://{host}")
}

fn atom(body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The outlets of a report's articles, each once, in order.
fn sources(report: &Report) -> Vec<String> {
    let mut sources: Vec<String> = report
        .documents
        .iter()
        .map(|d| d.source.clone().unwrap_or_else(|| d.id.clone()))
        .collect();
    sources.sort();
    sources.dedup();
    sources
}

/// An entry, written, with its `updated` time.
struct Entry {
    updated: String,
    xml: String,
}

/// What a feed says of itself.
struct FeedHead {
    title: String,
    /// The feed's own address, also its id.
    id: String,
    /// The page it is the feed of.
    page: String,
}

fn feed(head: &FeedHead, entries: &[Entry]) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or(UNKNOWN_TIME);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>{title}</title>\n<id>{id}</id>\n<link rel=\"self\" href=\"{id}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n<updated>{updated}</updated>\n<author><name>chorus</name></author>\n<generator>chorus</generator>\n",
        title = escape(&head.title),
        id = escape(&head.id),
        page = escape(&head.page),
    );
    for entry in entries {
        out.push_str(&entry.xml);
    }
    out.push_str("</feed>\n");
    out
}

/// Atom needs a time on every entry; one that cannot be told gets the
/// epoch rather than a made-up time.
const UNKNOWN_TIME: &str = "1970-01-01T00:00:00Z";

/// A Unix time as Atom writes it (RFC 3339, UTC).
fn time(seconds: i64) -> String {
    DateTime::from_timestamp(seconds, 0).map_or_else(
        || UNKNOWN_TIME.to_string(),
        |t| t.to_rfc3339_opts(SecondsFormat::Secs, true),
    )
}

/// A stored `YYYY-MM-DD` publication date as an Atom time.
fn date_time(date: Option<&str>) -> Option<String> {
    date.filter(|d| d.len() == 10 && d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .map(|d| format!("{d}T00:00:00Z"))
}

fn story_title(story: &StoredStory) -> String {
    if story.headline.is_empty() {
        format!("Story {}", story.id)
    } else {
        story.headline.clone()
    }
}

/// A story: its headline, its brief and its sources.
fn story_entry(base: &str, story: &StoredStory, report: Option<&Report>, updated: String) -> Entry {
    let link = format!("{base}/stories/{}", story.id);
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
            let item = match web_link(document.url.as_deref()) {
                Some(url) => format!("<a href=\"{}\">{}</a>", escape(&url), escape(title)),
                None => escape(title),
            };
            html.push_str(&format!("<li>{item}{}</li>", outlet.unwrap_or_default()));
        }
        html.push_str("</ul>");
    }
    let xml = format!(
        "<entry>\n<title>{title}</title>\n<id>{link}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n<updated>{updated}</updated>\n<summary>{count}</summary>\n<content type=\"html\">{html}</content>\n</entry>\n",
        title = escape(&story_title(story)),
        link = escape(&link),
        count = escape(&format!(
            "{} article{} from {}",
            story.articles,
            if story.articles == 1 { "" } else { "s" },
            story.sources.join(", ")
        )),
        html = escape(&html),
    );
    Entry { updated, xml }
}

/// An article that joined story `story`: its headline, its outlet as the
/// entry's author, a link to where it was published (else to its page
/// here), its publication date as `published` and the time it joined as
/// `updated`. Its id is its page here, which stays its own wherever the
/// story goes.
fn article_entry(base: &str, story: i64, article: &AddedArticle) -> Entry {
    let page = format!("{base}/sources/{}", path_segment(&article.id));
    let link = web_link(article.url.as_deref()).unwrap_or_else(|| page.clone());
    let updated = time(article.added);
    let title = article.title.as_deref().unwrap_or(&article.id);
    let outlet = article.source.as_deref().unwrap_or("unknown outlet");
    let published = date_time(article.date.as_deref())
        .map(|d| format!("<published>{d}</published>\n"))
        .unwrap_or_default();
    let summary = match article.date.as_deref() {
        Some(date) => format!("{outlet}, {date}"),
        None => outlet.to_string(),
    };
    let html = format!(
        "<p>{}</p><p><a href=\"{}\">The article as chorus read it</a> · <a href=\"{}\">the story</a></p>",
        escape(&summary),
        escape(&page),
        escape(&format!("{base}/stories/{story}")),
    );
    let xml = format!(
        "<entry>\n<title>{title}</title>\n<id>{page}</id>\n<link rel=\"alternate\" href=\"{link}\"/>\n<author><name>{outlet}</name></author>\n{published}<updated>{updated}</updated>\n<summary>{summary}</summary>\n<content type=\"html\">{html}</content>\n</entry>\n",
        title = escape(title),
        page = escape(&page),
        link = escape(&link),
        outlet = escape(outlet),
        summary = escape(&summary),
        html = escape(&html),
    );
    Entry { updated, xml }
}

/// Characters of an id left as they are in a path: as the story page
/// writes its links to sources, so that both name a source alike.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

/// An article id as one segment of a path.
fn path_segment(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, PATH_SEGMENT).to_string()
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

    #[test]
    fn times_are_rfc_3339_in_utc() {
        assert_eq!(time(1_714_982_400), "2024-05-06T08:00:00Z");
        assert_eq!(time(i64::MAX), UNKNOWN_TIME);
        assert_eq!(
            date_time(Some("2024-05-06")).as_deref(),
            Some("2024-05-06T00:00:00Z")
        );
        assert_eq!(date_time(Some("May 6")), None);
    }
}
