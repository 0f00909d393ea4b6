//! Feeds: RSS 2.0, Atom and JSON Feed (feed-rs). An entry with full content
//! becomes an article; one with only a summary becomes a short article
//! whose notes say so. The feed's title names the outlet.

use rustc_hash::FxHashMap;

use crate::model::Article;
use crate::scan::controls::strip_controls;

use super::decode::{decode, repair_mojibake};
use super::html::{check_depth, declared_charset, html_to_text};
use super::{Limits, ReadErrorKind};

/// What one feed held: its entries as articles, and entries it had to skip.
#[derive(Debug, Default)]
pub struct ParsedFeed {
    /// One article per usable entry, in feed order.
    pub articles: Vec<Article>,
    /// Problems with single entries.
    pub problems: Vec<ReadErrorKind>,
    /// The feed's own id of each entry that gives one (RSS `guid`, Atom
    /// `id`, JSON Feed `id`), by article id: what names an entry without a
    /// link from one poll of the feed to the next.
    pub guids: FxHashMap<String, String>,
}

/// Note attached to an article made from an entry's summary alone.
pub const SUMMARY_ONLY: &str = "feed entry with a summary only";

/// Parses feed bytes; articles are named `{stem}-{n}` in feed order.
///
/// The bytes are decoded here (byte-order mark, declared or detected
/// encoding) and the XML declaration dropped, so that the feed parser only
/// ever sees UTF-8: its own switching of encodings mid-stream panics on
/// some malformed input.
pub fn parse_feed(stem: &str, bytes: &[u8], limits: &Limits) -> Result<ParsedFeed, ReadErrorKind> {
    let decoded = decode(bytes, declared_charset(bytes).as_deref())?;
    let text = without_xml_declaration(&decoded.text);
    check_depth(&text, limits)?;
    // An entry without an id is left without one: the parser would make one
    // up (from its link and title, or at random), which is no guid.
    let feed = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(text.as_bytes())
        .map_err(|e| ReadErrorKind::Feed(e.to_string()))?;
    let source = feed
        .title
        .as_ref()
        .map(|t| clean_text(&t.content))
        .filter(|t| !t.is_empty());
    let mut parsed = ParsedFeed::default();
    for (n, entry) in feed.entries.iter().enumerate() {
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(clean_text)
            .filter(|t| !t.trim().is_empty());
        let summary = entry
            .summary
            .as_ref()
            .map(|s| clean_text(&s.content))
            .filter(|t| !t.trim().is_empty());
        let mut notes = Vec::new();
        let text = match (content, summary) {
            (Some(content), _) => content,
            (None, Some(summary)) => {
                notes.push(SUMMARY_ONLY.to_string());
                summary
            }
            (None, None) => {
                parsed.problems.push(ReadErrorKind::EntryWithoutText(n + 1));
                continue;
            }
        };
        let id = format!("{stem}-{}", n + 1);
        let guid = strip_controls(entry.id.trim()).0.trim().to_string();
        if !guid.is_empty() {
            parsed.guids.insert(id.clone(), guid);
        }
        parsed.articles.push(Article {
            id,
            title: entry
                .title
                .as_ref()
                .map(|t| clean_text(&t.content))
                .filter(|t| !t.is_empty()),
            text,
            source: source.clone(),
            url: entry.links.first().map(|l| l.href.clone()),
            date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            notes: decoded.notes.iter().cloned().chain(notes).collect(),
        });
    }
    Ok(parsed)
}

/// The text without `<?xml …?>` declarations. Only one, at the very start,
/// is legal; the feed parser acts on any it meets (and panics on a late
/// one that names an encoding), so all are cut out of the already-decoded
/// text.
fn without_xml_declaration(text: &str) -> String {
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut out = String::with_capacity(rest.len());
    while let Some(start) = rest.find("<?xml") {
        out.push_str(&rest[..start]);
        match rest[start..].find("?>") {
            Some(end) => rest = &rest[start + end + 2..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn clean_text(markup: &str) -> String {
    repair_mojibake(html_to_text(markup).trim()).0
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Times</title><link>https://example.org</link><description>News</description>
<item><title>Talks end</title><link>https://example.org/talks</link>
<pubDate>Thu, 16 Mar 2023 08:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The talks ended after more than three hours.</p><p>Both sides spoke.</p>]]></content:encoded>
</item>
<item><title>Flood update</title><description>&lt;p&gt;Water levels fell on Friday.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;

    #[test]
    fn guids_are_kept_and_none_made_up() {
        let rss = r#"<rss version="2.0"><channel><title>Wire</title>
<item><guid isPermaLink="false"> wire-ESC[31m77 </guid><description>One.</description></item>
<item><link>https://example.org/two</link><description>Two.</description></item>
<item><description>Three.</description></item>
</channel></rss>"#
            .replace("ESC", "\u{1b}");
        let parsed = parse_feed("wire", rss.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(parsed.articles.len(), 3);
        let guids: Vec<(&str, &str)> = parsed
            .guids
            .iter()
            .map(|(id, guid)| (id.as_str(), guid.as_str()))
            .collect();
        assert_eq!(guids, [("wire-1", "wire-77")]);
    }

    #[test]
    fn rss_entries_become_articles() {
        let parsed = parse_feed("valley", RSS.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(parsed.articles.len(), 2);
        let first = &parsed.articles[0];
        assert_eq!(first.id, "valley-1");
        assert_eq!(first.title.as_deref(), Some("Talks end"));
        assert_eq!(first.source.as_deref(), Some("Valley Times"));
        assert_eq!(first.url.as_deref(), Some("https://example.org/talks"));
        assert_eq!(first.date.as_deref(), Some("2023-03-16T08:00:00+00:00"));
        assert!(first.text.contains("more than three hours"));
        assert!(first.notes.is_empty());
        let second = &parsed.articles[1];
        assert_eq!(second.text, "Water levels fell on Friday.");
        assert_eq!(second.notes, [SUMMARY_ONLY]);
        assert!(
            matches!(parsed.problems[..], [ReadErrorKind::EntryWithoutText(3)]),
            "{:?}",
            parsed.problems
        );
        assert_eq!(parsed.problems[0].to_string(), "entry 3 has no text");
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2023-03-15T12:00:00Z</updated>
<entry><title>Leaders meet</title><id>urn:1</id><updated>2023-03-15T12:00:00Z</updated>
<content type="html">&lt;p&gt;The leaders met on Wednesday.&lt;/p&gt;</content></entry></feed>"#;
        let parsed = parse_feed("wire", atom.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(parsed.articles[0].text, "The leaders met on Wednesday.");
        assert_eq!(parsed.articles[0].source.as_deref(), Some("Wire"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Briefly","items":[{"id":"1","title":"Talks","content_text":"The talks lasted three hours.","date_published":"2023-03-15T18:00:00Z"}]}"#;
        let parsed = parse_feed("briefly", json.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(parsed.articles[0].text, "The talks lasted three hours.");
        assert_eq!(
            parsed.articles[0].date.as_deref(),
            Some("2023-03-15T18:00:00+00:00")
        );
    }

    #[test]
    fn latin1_feed_is_decoded() {
        let mut bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Caf".to_vec();
        bytes.push(0xe9);
        bytes.extend_from_slice(
            b"</title><description>Se\xf1or Mu\xf1oz spoke.</description></item></channel></rss>",
        );
        let parsed = parse_feed("latin", &bytes, &Limits::default()).unwrap();
        assert_eq!(parsed.articles[0].title.as_deref(), Some("Café"));
        assert_eq!(parsed.articles[0].text, "Señor Muñoz spoke.");
    }

    #[test]
    fn utf16_feed_and_junk_before_the_declaration() {
        let mut bytes = vec![0xFF, 0xFE];
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title><description>Text here.</description></item></channel></rss>";
        for unit in xml.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let parsed = parse_feed("u16", &bytes, &Limits::default()).unwrap();
        assert_eq!(parsed.articles[0].text, "Text here.");
        // Found by fuzzing: junk, then a declaration naming UTF-16, once
        // made the feed parser panic.
        let mut junk = vec![0u8; 14];
        junk.extend_from_slice(
            b"/it<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel>",
        );
        assert!(parse_feed("junk", &junk, &Limits::default()).is_err());
        let junk = b"/it<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>T</title>";
        let _ = parse_feed("junk", junk, &Limits::default());
        let late = b"<rss version=\"2.0\"><channel><title>T <?xml version=\"1.0\" encoding=\"UTF-16\"?></title>";
        let _ = parse_feed("late", late, &Limits::default());
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(matches!(
            parse_feed("x", b"not a feed at all", &Limits::default()),
            Err(ReadErrorKind::Feed(_))
        ));
        // A truncated feed may parse in part or fail, but must not panic.
        let _ = parse_feed("x", b"<rss><channel><item><title>Cut", &Limits::default());
    }
}
