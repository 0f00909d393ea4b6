//! One feed polled: asked conditionally, its entries read with the core's
//! feed reader, the pages of summary-only entries fetched and read with
//! its HTML reader, the new articles stored, the feed's state kept.

use std::collections::HashMap;

use chorus::ingest::{Format, SUMMARY_ONLY, parse_bytes};
use chorus::model::Article;
use chorus_store::{FeedState, StoreError};

use crate::Watcher;
use crate::http::{Answer, Conditions, Page};

/// What polling one feed came to.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FeedReport {
    /// The feed.
    pub url: String,
    /// It answered 304 Not Modified.
    pub not_modified: bool,
    /// Entries it had that were not stored before.
    pub new_articles: usize,
    /// Stories those articles started.
    pub new_stories: usize,
    /// Stories they joined or started.
    pub updated_stories: usize,
    /// Why the poll failed (the feed backs off).
    pub error: Option<String>,
    /// Problems that did not stop the feed: entries without text, pages
    /// not fetched, articles the store refused.
    pub problems: Vec<String>,
}

/// Note on an article whose text was read from its linked page.
pub const PAGE_READ: &str = "text read from the linked page";

impl Watcher {
    /// Polls the feed at `url` and stores what is new. Only the store
    /// failing is an error; a feed failing is in the report.
    pub(crate) fn poll(&self, url: &str) -> Result<FeedReport, StoreError> {
        let mut report = FeedReport {
            url: url.to_string(),
            ..FeedReport::default()
        };
        let mut state = self.store.feed_state(url)?.unwrap_or_else(|| FeedState {
            url: url.to_string(),
            ..FeedState::default()
        });
        let conditions = Conditions {
            etag: state.etag.as_deref(),
            last_modified: state.last_modified.as_deref(),
        };
        let answer = self.fetcher.get(url, conditions);
        let now = crate::now_ms();
        let page = match answer {
            Ok(Answer::NotModified) => {
                report.not_modified = true;
                self.succeeded(&mut state, now, None);
                self.store.save_feed_state(&state)?;
                return Ok(report);
            }
            Ok(Answer::Full(page)) => page,
            Err(err) => return self.failed(report, state, now, err.to_string()),
        };
        let parsed = parse_bytes(
            url,
            "feed",
            &page.body,
            Some(Format::Feed),
            &self.options.limits,
        );
        let messages = parsed.errors.iter().map(ToString::to_string);
        if parsed.articles.is_empty() && !parsed.errors.is_empty() {
            let why = messages.collect::<Vec<_>>().join("; ");
            return self.failed(report, state, now, why);
        }
        report.problems.extend(messages);
        let mut fresh: Vec<Article> = Vec::new();
        // Each id of this answer's entries, with the entry's text as the feed
        // gave it (before any page replaced it) and whether it had a link.
        let mut seen: HashMap<String, (String, bool)> = HashMap::new();
        for mut article in parsed.articles {
            let guid = parsed.guids.get(&article.id).map(String::as_str);
            article.id = article_id(url, &article, guid);
            if let Some(first) = seen.get(&article.id) {
                match repeated(url, first, &article) {
                    Repeat::Same => continue,
                    Repeat::Kept(problem) => {
                        report.problems.push(problem);
                        continue;
                    }
                    Repeat::Rekeyed(id, problem) => {
                        report.problems.push(problem);
                        article.id = id;
                    }
                }
            }
            seen.insert(
                article.id.clone(),
                (
                    chorus_store::content_hash(&article.text),
                    article.url.is_some(),
                ),
            );
            if self.store.story_of(&article.id)?.is_some() {
                continue;
            }
            if article.notes.iter().any(|n| n == SUMMARY_ONLY) {
                self.read_page(&mut article, &mut report);
            }
            fresh.push(article);
        }
        if !fresh.is_empty() {
            let summary = self.store.ingest(fresh, &mut |_, _| {})?;
            report.new_articles = summary.added;
            report.new_stories = summary.new_stories;
            report.updated_stories = summary.updated_stories;
            report.problems.extend(
                summary
                    .refused
                    .iter()
                    .map(|r| format!("{}: not stored: {}", r.id, r.reason)),
            );
        }
        state.etag = page.etag.clone();
        state.last_modified = page.last_modified.clone();
        self.succeeded(&mut state, now, Some(&page));
        self.store.save_feed_state(&state)?;
        Ok(report)
    }

    /// Replaces a summary-only article's text with its page's, where
    /// `robots.txt` allows and the page can be read; otherwise the summary
    /// stays and its notes say why.
    fn read_page(&self, article: &mut Article, report: &mut FeedReport) {
        let Some(link) = article.url.clone() else {
            return;
        };
        let mut keep_summary = |why: String| {
            let note = format!("page not read: {why}; the feed's summary was kept");
            report.problems.push(format!("{link}: {note}"));
            article.notes.push(note);
        };
        if let Err(why) = self.robots.check(&self.fetcher, &link) {
            return keep_summary(why);
        }
        let page = match self.fetcher.get(&link, Conditions::default()) {
            Ok(Answer::Full(page)) => page,
            Ok(Answer::NotModified) => return keep_summary("answered 304 unasked".into()),
            Err(err) => return keep_summary(err.to_string()),
        };
        let parsed = parse_bytes(
            &link,
            "page",
            &page.body,
            Some(Format::Html),
            &self.options.limits,
        );
        let Some(read) = parsed.articles.into_iter().next() else {
            let why = parsed
                .errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>();
            return keep_summary(why.join("; "));
        };
        article.text = read.text;
        // The page names its outlet better than the feed's title does; the
        // feed's entry title is the headline without a "| Site" suffix.
        article.source = read.source.or(article.source.take());
        article.title = article.title.take().or(read.title);
        article.date = article.date.take().or(read.date);
        article.notes.retain(|n| n != SUMMARY_ONLY);
        article.notes.push(PAGE_READ.to_string());
        article.notes.extend(read.notes);
    }

    fn succeeded(&self, state: &mut FeedState, now: i64, page: Option<&Page>) {
        state.last_success = Some(now);
        state.last_error = None;
        state.failures = 0;
        // A feed that asks to be polled less often (RSS `ttl`, HTTP
        // `max-age`) is; one that asks for more often is not.
        let mut wait = self.options.every;
        if let Some(page) = page {
            let asked = page
                .max_age
                .into_iter()
                .chain(rss_ttl_minutes(&page.body).map(|m| m * 60));
            if let Some(longest) = asked.max() {
                wait = wait.max(std::time::Duration::from_secs(longest));
            }
        }
        state.next_poll = Some(now.saturating_add(wait.as_millis() as i64));
    }

    fn failed(
        &self,
        mut report: FeedReport,
        mut state: FeedState,
        now: i64,
        why: String,
    ) -> Result<FeedReport, StoreError> {
        state.failures = state.failures.saturating_add(1);
        state.last_error = Some(why.clone());
        state.next_poll = Some(now.saturating_add(self.backoff(state.failures).as_millis() as i64));
        self.store.save_feed_state(&state)?;
        report.error = Some(why);
        Ok(report)
    }
}

/// A stable id: the entry's link (the same article in two feeds is one
/// article), else the feed and the entry's guid (which names it from poll
/// to poll even when its text is edited), else the feed and a hash of the
/// text.
fn article_id(feed: &str, article: &Article, guid: Option<&str>) -> String {
    match (&article.url, guid) {
        (Some(link), _) if !link.trim().is_empty() => link.trim().to_string(),
        (_, Some(guid)) => format!("{feed}#{guid}"),
        _ => text_id(feed, article),
    }
}

/// The feed and a hash of the article's text.
fn text_id(feed: &str, article: &Article) -> String {
    let hash = chorus_store::content_hash(&article.text);
    format!("{feed}#{}", &hash[..hash.len().min(16)])
}

/// What to do with an entry whose id an earlier entry of the same poll has.
enum Repeat {
    /// The same text again: nothing new, nothing lost.
    Same,
    /// The same link with other text: one page, so the first entry is
    /// kept, and the report says so.
    Kept(String),
    /// A guid given to two entries with different text and no link: two
    /// entries, the later stored under its text's hash (the new id), and
    /// the report says so.
    Rekeyed(String, String),
}

/// `first` is the earlier entry's text hash and whether it had a link.
fn repeated(feed: &str, first: &(String, bool), again: &Article) -> Repeat {
    let (first_hash, first_linked) = first;
    if *first_hash == chorus_store::content_hash(&again.text) {
        return Repeat::Same;
    }
    let title = again.title.as_deref().unwrap_or("(untitled)");
    if *first_linked {
        return Repeat::Kept(format!(
            "{}: listed twice with different text; the first entry was kept, \"{title}\" was not stored",
            again.id
        ));
    }
    let id = text_id(feed, again);
    let problem = format!(
        "{}: guid given to two entries with different text; \"{title}\" stored as {id}",
        again.id
    );
    Repeat::Rekeyed(id, problem)
}

/// RSS `<ttl>`: minutes a feed may be cached. Looked for in the raw bytes
/// because the core's reader does not carry it.
fn rss_ttl_minutes(body: &[u8]) -> Option<u64> {
    let head = &body[..body.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(head);
    let start = text.find("<ttl>")? + "<ttl>".len();
    let end = text[start..].find("</ttl>")? + start;
    text[start..end].trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttl_is_found_in_a_channel() {
        assert_eq!(
            rss_ttl_minutes(b"<rss><channel><ttl> 90 </ttl></channel></rss>"),
            Some(90)
        );
        assert_eq!(rss_ttl_minutes(b"<rss><channel></channel></rss>"), None);
        assert_eq!(rss_ttl_minutes(b"<ttl>often</ttl>"), None);
    }

    #[test]
    fn ids_are_links_or_feed_and_hash() {
        let mut article = Article {
            text: "Some text.".into(),
            url: Some(" https://a.example/1 ".into()),
            ..Article::default()
        };
        assert_eq!(
            article_id("https://f/", &article, Some("g-1")),
            "https://a.example/1"
        );
        article.url = None;
        assert_eq!(
            article_id("https://f/", &article, Some("g-1")),
            "https://f/#g-1"
        );
        let id = article_id("https://f/", &article, None);
        assert!(id.starts_with("https://f/#") && id.len() > 12, "{id}");
    }
}
