//! Saved web pages: the main text by reader mode (dom_smoothie, a port of
//! Firefox's Readability) and the metadata a page carries — title, outlet
//! (`og:site_name`), publication date (`article:published_time`, JSON-LD
//! `datePublished`, `<time datetime>`) and canonical address. Reader mode
//! keeps some furniture ("Share on…", "ADVERTISEMENT"); the clean stage
//! removes it like any other boilerplate.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::model::Article;

use super::{Limits, ReadErrorKind};

/// Elements that never have a closing tag, so never nest.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Reads one HTML page into an article; `id` is normally the file stem.
pub fn parse_html(id: &str, markup: &str, limits: &Limits) -> Result<Article, ReadErrorKind> {
    check_depth(markup, limits)?;
    let document = Document::from(markup);
    let canonical = attribute(&document, "link[rel~=canonical]", "href")
        .or_else(|| attribute(&document, "meta[property='og:url']", "content"));
    let time = attribute(&document, "time[datetime]", "datetime");
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut notes = Vec::new();
    let mut reader = Readability::with_document(document.clone(), None, Some(config))
        .map_err(|e| ReadErrorKind::Page(e.to_string()))?;
    let (title, text, source, date, url) = match reader.parse() {
        Ok(page) => (
            non_empty(page.title),
            page.text_content.to_string(),
            page.site_name.and_then(non_empty),
            page.published_time.and_then(non_empty),
            page.url.and_then(non_empty),
        ),
        Err(_) => {
            // Reader mode found no article: keep the page's visible text
            // rather than lose it, and say so.
            notes.push("no main text found; the whole page was read".to_string());
            let title = document.select("title").text().trim().to_string();
            let body = document.select("body").formatted_text().to_string();
            (non_empty(title), body, None, None, None)
        }
    };
    if text.trim().is_empty() {
        return Err(ReadErrorKind::PageWithoutText);
    }
    Ok(Article {
        id: id.to_string(),
        title,
        text,
        source,
        url: canonical.or(url),
        date: date.or(time),
        notes,
    })
}

/// The text of an HTML fragment (a feed entry's content), paragraphs on
/// their own lines.
pub fn html_to_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return fragment.to_string();
    }
    Document::fragment(fragment).formatted_text().to_string()
}

/// The charset a page or feed declares in its first kilobytes, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        if let Some(at) = head.find(key) {
            let rest = head[at + key.len()..].trim_start_matches(['"', '\'', ' ']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
    }
    None
}

/// Refuses markup nested deeper than the limit before any parser sees it
/// (deep nesting exhausts recursive tree walks).
pub fn check_depth(markup: &str, limits: &Limits) -> Result<(), ReadErrorKind> {
    let depth = nesting_depth(markup);
    if depth > limits.max_depth {
        return Err(ReadErrorKind::TooDeep {
            depth,
            limit: limits.max_depth,
        });
    }
    Ok(())
}

/// The deepest element nesting in the markup, counted from its tags (an
/// upper bound: unclosed optional tags such as `<p>` count as open).
pub fn nesting_depth(markup: &str) -> usize {
    let bytes = markup.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = markup[i..].find('<') {
        let start = i + offset + 1;
        let end = markup[start..].find('>').map_or(bytes.len(), |e| start + e);
        let tag = &markup[start..end];
        i = end;
        match tag.as_bytes().first() {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'!' | b'?') | None => {}
            Some(_) => {
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '-')
                    .collect::<String>()
                    .to_ascii_lowercase();
                let void = VOID_ELEMENTS.contains(&name.as_str()) || tag.ends_with('/');
                if !name.is_empty() && !void {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
        }
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

fn attribute(document: &Document, selector: &str, name: &str) -> Option<String> {
    document
        .select(selector)
        .nodes()
        .iter()
        .find_map(|node| node.attr(name))
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Leaders meet in Istanbul | Northern Courier</title>
<meta property="og:site_name" content="Northern Courier">
<meta property="article:published_time" content="2023-03-16T09:00:00Z">
<link rel="canonical" href="https://example.org/serin-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Leaders meet in Istanbul</h1>
<p>The leaders of Qadira and Velmora met in Istanbul on Wednesday for talks that lasted more than three hours, officials from both governments said.</p>
<p>Share on Facebook</p>
<p>President Karim al-Nasser said his country would not accept a solution imposed from outside, and Prime Minister Elena Varga called the talks frank and useful.</p>
<p>ADVERTISEMENT</p>
<p>The two governments agreed to set up a joint commission on sharing the waters of the Serin River, which flooded in February and displaced more than 500,000 people.</p>
</article>
<footer>Copyright 2023 Northern Courier. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let article = parse_html("courier", PAGE, &Limits::default()).unwrap();
        assert_eq!(article.source.as_deref(), Some("Northern Courier"));
        assert_eq!(article.date.as_deref(), Some("2023-03-16T09:00:00Z"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://example.org/serin-talks")
        );
        assert!(
            article
                .title
                .as_deref()
                .unwrap_or("")
                .contains("Leaders meet in Istanbul")
        );
        assert!(article.text.contains("joint commission"));
        assert!(!article.text.contains("Home"), "navigation left out");
        assert!(
            !article.text.contains("All rights reserved"),
            "footer left out"
        );
    }

    #[test]
    fn time_element_and_json_ld_dates() {
        let page = r#"<html><head><title>T</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dam talks","datePublished":"2023-03-15"}</script>
</head><body><article><p>The talks began on Wednesday afternoon in the old palace by the water, officials said, and went on until late in the evening.</p>
<p>Both delegations described the meeting as useful and said further rounds would follow within weeks.</p></article></body></html>"#;
        let article = parse_html("p", page, &Limits::default()).unwrap();
        assert_eq!(article.date.as_deref(), Some("2023-03-15"));
        let page = r#"<html><body><article><p>Published <time datetime="2023-03-14">Tuesday</time>.</p>
<p>The talks began on Wednesday afternoon in the old palace by the water, officials said, and went on until late in the evening.</p></article></body></html>"#;
        let article = parse_html("p", page, &Limits::default()).unwrap();
        assert_eq!(article.date.as_deref(), Some("2023-03-14"));
    }

    #[test]
    fn truncated_html_is_read() {
        let cut = &PAGE[..PAGE.find("ADVERTISEMENT").unwrap()];
        let article = parse_html("cut", cut, &Limits::default()).unwrap();
        assert!(article.text.contains("frank and useful"));
    }

    #[test]
    fn deep_nesting_is_refused_by_name() {
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let err = parse_html("deep", &deep, &Limits::default()).err();
        assert!(
            matches!(
                err,
                Some(ReadErrorKind::TooDeep {
                    depth: 10002,
                    limit: 512
                })
            ),
            "{err:?}"
        );
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("nested 10002 deep"), "{message}");
        assert!(message.contains("--max-depth"));
    }

    #[test]
    fn depth_ignores_void_and_self_closing_tags() {
        assert_eq!(nesting_depth("<p>a<br>b<img src=x/><hr/></p>"), 1);
        assert_eq!(
            nesting_depth("<div><div></div><div><span></span></div></div>"),
            3
        );
        assert_eq!(nesting_depth("<!-- <div> --><?xml version='1.0'?>"), 0);
        assert_eq!(nesting_depth("<div"), 1);
    }

    #[test]
    fn charset_declarations() {
        assert_eq!(
            declared_charset(b"<meta charset=\"ISO-8859-1\">").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            )
            .as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(b"<?xml version=\"1.0\" encoding='ISO-8859-1'?>").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(declared_charset(b"<html>"), None);
    }

    #[test]
    fn fragments_to_text() {
        assert_eq!(html_to_text("plain"), "plain");
        let text = html_to_text("<p>One &amp; two.</p><p>Three.</p>");
        assert!(text.contains("One & two.") && text.contains("Three."));
    }
}
