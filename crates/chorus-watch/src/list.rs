//! The list of feeds to watch: a text file of addresses (one a line, `#`
//! starts a comment) or an OPML file, the subscription list every feed
//! reader exports.

use std::path::Path;

/// The feeds a list names, and the lines that name none.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FeedList {
    /// Feed addresses, in list order, each once.
    pub feeds: Vec<String>,
    /// One message per unusable line or outline, naming the file (and the
    /// line of a text list).
    pub problems: Vec<String>,
}

/// Reads the feed list at `path`. An unreadable file, or an OPML file that
/// is not well-formed, is an error; a garbage line is a problem and the
/// rest of the list is still read.
pub fn read_feed_list(path: &Path) -> Result<FeedList, String> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let text = String::from_utf8_lossy(&bytes);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let mut list = FeedList::default();
    if trimmed.starts_with('<') {
        let document = opml::OPML::from_str(trimmed)
            .map_err(|e| format!("{name}: not a readable OPML file: {e}"))?;
        let mut addresses = Vec::new();
        collect_outlines(&document.body.outlines, &mut addresses);
        for address in addresses {
            match check_address(&address) {
                Ok(url) => push_once(&mut list.feeds, url),
                Err(why) => list
                    .problems
                    .push(format!("{name}: outline {address:?}: {why}")),
            }
        }
        return Ok(list);
    }
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        match check_address(line) {
            Ok(url) => push_once(&mut list.feeds, url),
            Err(why) => list
                .problems
                .push(format!("{name}:{}: {line:?}: {why}", n + 1)),
        }
    }
    Ok(list)
}

/// Outlines nest (folders of feeds): every `xmlUrl` at any depth.
fn collect_outlines(outlines: &[opml::Outline], into: &mut Vec<String>) {
    for outline in outlines {
        if let Some(url) = &outline.xml_url {
            into.push(url.trim().to_string());
        }
        collect_outlines(&outline.outlines, into);
    }
}

fn push_once(feeds: &mut Vec<String>, url: String) {
    if !feeds.contains(&url) {
        feeds.push(url);
    }
}

/// An absolute http(s) address, or why not.
fn check_address(text: &str) -> Result<String, &'static str> {
    let url = url::Url::parse(text).map_err(|_| "not a web address")?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some() => Ok(url.to_string()),
        "http" | "https" => Err("no host"),
        _ => Err("only http and https feeds are watched"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_list_names_garbage_lines_and_keeps_the_rest() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("feeds.txt");
        std::fs::write(
            &path,
            "# news\nhttps://a.example/feed.xml\n\nnot a url\nftp://b.example/x # old\nhttp://c.example/rss # comment\nhttps://a.example/feed.xml\n",
        )?;
        let list = read_feed_list(&path)?;
        assert_eq!(
            list.feeds,
            ["https://a.example/feed.xml", "http://c.example/rss"]
        );
        assert_eq!(list.problems.len(), 2);
        assert!(
            list.problems[0].ends_with("feeds.txt:4: \"not a url\": not a web address"),
            "{:?}",
            list.problems
        );
        assert!(list.problems[1].contains("feeds.txt:5:"));
        Ok(())
    }

    #[test]
    fn opml_outlines_are_read_at_any_depth() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("subs.opml");
        std::fs::write(
            &path,
            r#"<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="World"><outline text="A" type="rss" xmlUrl="https://a.example/feed"/>
<outline text="Bad" type="rss" xmlUrl="mailto:x@y"/></outline>
<outline text="B" type="rss" xmlUrl="http://b.example/atom.xml"/></body></opml>"#,
        )?;
        let list = read_feed_list(&path)?;
        assert_eq!(
            list.feeds,
            ["https://a.example/feed", "http://b.example/atom.xml"]
        );
        assert_eq!(list.problems.len(), 1);
        Ok(())
    }

    #[test]
    fn broken_opml_is_an_error_naming_the_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("subs.opml");
        std::fs::write(&path, "<opml><body><outline")?;
        let err = read_feed_list(&path).err().unwrap_or_default();
        assert!(err.contains("subs.opml: not a readable OPML file"), "{err}");
        Ok(())
    }
}
