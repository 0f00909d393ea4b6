//! Lists of stories — `chorus cluster`'s groups and a store's stories — in
//! each format the commands offer. A brief has its own renderers in the
//! library; a list is only ever printed by the command line.
//!
//! Headlines, outlets and ids come from the input: text and Markdown lists
//! write any control code left in them out (`\x1b`) rather than send it to
//! the terminal.

use chorus::cluster::StoryGroup;
use chorus::render::escape_markdown as md;
use chorus::scan::controls::escape_controls;
use chorus_store::StoredStory;

use crate::Format;

/// "1 article", "2 articles", "3 new stories".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}

/// A text or Markdown list as it may be printed: control codes written out.
fn shown(out: String) -> String {
    match escape_controls(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(safe) => safe,
    }
}

/// Text made safe inside HTML elements and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole HTML page around `body`, its style inline (nothing is fetched).
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n\
         body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }}\n\
         table {{ border-collapse: collapse; width: 100%; }}\n\
         th, td {{ text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }}\n\
         .meta {{ color: #555; }}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        title = escape(title)
    )
}

/// `chorus cluster`'s stories of `articles` articles.
pub fn clusters(
    stories: &[StoryGroup],
    articles: usize,
    format: Format,
) -> serde_json::Result<String> {
    let heading = format!(
        "{}, {}",
        count(articles, "article"),
        count(stories.len(), "story")
    );
    Ok(match format {
        Format::Json => {
            let report =
                serde_json::json!({"version": chorus::model::REPORT_VERSION, "stories": stories});
            format!("{}\n", serde_json::to_string_pretty(&report)?)
        }
        Format::Text => {
            let mut out = format!("{heading}\n");
            for story in stories {
                out.push_str(&format!(
                    "\n{} ({}): {}\n",
                    story.id,
                    count(story.documents.len(), "article"),
                    story.headline
                ));
                for id in &story.documents {
                    out.push_str(&format!("  {id}\n"));
                }
            }
            shown(out)
        }
        Format::Md => {
            let mut out = format!("# {heading}\n");
            for story in stories {
                out.push_str(&format!(
                    "\n## {}: {} ({})\n\n",
                    story.id,
                    md(&story.headline),
                    count(story.documents.len(), "article")
                ));
                for id in &story.documents {
                    out.push_str(&format!("- {}\n", md(id)));
                }
            }
            shown(out)
        }
        Format::Html => {
            let mut body = format!("<h1>{}</h1>\n", escape(&heading));
            for story in stories {
                body.push_str(&format!(
                    "<section id=\"{id}\">\n<h2>{headline}</h2>\n<p class=\"meta\">{id} · {n}</p>\n<ul>\n",
                    id = escape(&story.id),
                    headline = escape(&story.headline),
                    n = count(story.documents.len(), "article")
                ));
                for id in &story.documents {
                    body.push_str(&format!("<li>{}</li>\n", escape(id)));
                }
                body.push_str("</ul>\n</section>\n");
            }
            page(&heading, &body)
        }
    })
}

/// When a stored story's articles were published: "2023-03-15 to 2023-03-16".
fn seen(story: &StoredStory) -> Option<String> {
    match (&story.first_seen, &story.last_seen) {
        (Some(first), Some(last)) if first != last => Some(format!("{first} to {last}")),
        (Some(first), _) => Some(first.clone()),
        _ => None,
    }
}

/// Sources a story's line in a list names; a story of thousands of
/// articles without outlets would otherwise print every id on one line.
const LISTED_SOURCES: usize = 8;

/// A stored story's sources, the first [`LISTED_SOURCES`] of them and how
/// many more: "a, b, c and 19,997 more".
fn sources(story: &StoredStory) -> String {
    let shown = story.sources.len().min(LISTED_SOURCES);
    let named = story.sources[..shown].join(", ");
    match story.sources.len() - shown {
        0 => named,
        more => format!("{named} and {} more", grouped(more)),
    }
}

/// A count with its thousands grouped: "19,997".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1 conflicting fact", when there are any.
fn conflicts(story: &StoredStory) -> Option<String> {
    match story.conflicts {
        Some(0) | None => None,
        Some(n) => Some(count(n, "conflicting fact")),
    }
}

/// A store's stories; `heading` says how many, matching what, and whether
/// the list was cut.
pub fn stored(
    stories: &[StoredStory],
    heading: &str,
    format: Format,
) -> serde_json::Result<String> {
    let details = |story: &StoredStory| {
        let mut parts = vec![count(story.articles, "article")];
        parts.extend(seen(story));
        parts.extend(conflicts(story));
        parts.extend(story.failed.as_ref().map(|_| "brief failed".to_string()));
        parts.join(", ")
    };
    Ok(match format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&stories)?),
        Format::Text => {
            let mut out = format!("{heading}\n");
            for story in stories {
                out.push_str(&format!(
                    "\n{:>4}  {} ({})\n      {}\n",
                    story.id,
                    story.headline,
                    details(story),
                    sources(story)
                ));
            }
            shown(out)
        }
        Format::Md => {
            let mut out = format!("# {}\n\n", md(heading));
            for story in stories {
                out.push_str(&format!(
                    "- **{}** {} ({})  \n  {}\n",
                    story.id,
                    md(&story.headline),
                    details(story),
                    md(&sources(story))
                ));
            }
            shown(out)
        }
        Format::Html => {
            let mut body = format!(
                "<h1>{}</h1>\n<table>\n<thead><tr><th>Story</th><th>Headline</th>\
                 <th>Articles</th><th>Published</th><th>Conflicts</th><th>Sources</th></tr></thead>\n<tbody>\n",
                escape(heading)
            );
            for story in stories {
                body.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    story.id,
                    escape(&story.headline),
                    story.articles,
                    escape(&seen(story).unwrap_or_default()),
                    story.conflicts.map(|n| n.to_string()).unwrap_or_default(),
                    escape(&sources(story))
                ));
            }
            body.push_str("</tbody>\n</table>\n");
            page(heading, &body)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, headline: &str, documents: &[&str]) -> StoryGroup {
        StoryGroup {
            id: id.to_string(),
            headline: headline.to_string(),
            documents: documents.iter().map(|d| d.to_string()).collect(),
        }
    }

    #[test]
    fn counts_agree_in_number() {
        let stories = [
            group("story-1", "Talks", &["a", "b"]),
            group("story-2", "Floods", &["c"]),
        ];
        let text = clusters(&stories, 3, Format::Text).expect("text");
        assert!(text.starts_with("3 articles, 2 stories\n"), "{text}");
        assert!(text.contains("story-2 (1 article): Floods"), "{text}");
        let one = clusters(&stories[1..], 1, Format::Text).expect("text");
        assert!(one.starts_with("1 article, 1 story\n"), "{one}");
    }

    #[test]
    fn markup_in_headlines_is_escaped() {
        let stories = [group("story-1", "<script>x</script> & *more*", &["a<b"])];
        let html = clusters(&stories, 1, Format::Html).expect("html");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; *more*"));
        assert!(html.contains("<li>a&lt;b</li>"));
        let md = clusters(&stories, 1, Format::Md).expect("md");
        assert!(
            md.contains("\\<script\\>x\\</script\\> & \\*more\\*"),
            "{md}"
        );
    }

    #[test]
    fn control_codes_are_written_out() {
        let stories = [group(
            "story-1",
            "\u{1b}]0;title\u{7}Talks \u{1b}[2J",
            &["a\u{9b}1m"],
        )];
        for format in [Format::Text, Format::Md] {
            let out = clusters(&stories, 1, format).expect("list");
            assert!(
                !out.contains(|c: char| c.is_control() && c != '\n'),
                "{out:?}"
            );
            assert!(
                out.contains("\\x1b") && out.contains("title\\x07Talks"),
                "{out}"
            );
            assert!(out.contains("a\\u{9b}1m"), "{out}");
        }
    }

    #[test]
    fn new_stories_are_counted() {
        assert_eq!(count(1, "new story"), "1 new story");
        assert_eq!(count(3, "new story"), "3 new stories");
        assert_eq!(count(0, "story"), "0 stories");
    }

    #[test]
    fn a_story_of_thousands_of_sources_names_a_few_on_its_line() {
        let story = StoredStory {
            id: 1,
            headline: "Notes".to_string(),
            articles: 20_000,
            sources: (0..20_000).map(|i| format!("note-{i:05}")).collect(),
            first_seen: None,
            last_seen: None,
            conflicts: None,
            failed: None,
        };
        let stories = [story];
        for format in [Format::Text, Format::Md, Format::Html] {
            let out = stored(&stories, "1 story", format).expect("list");
            assert!(out.lines().all(|line| line.len() < 400), "{out}");
            assert!(out.contains("note-00007 and 19,992 more"), "{out}");
            assert!(!out.contains("note-00008"), "{out}");
        }
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(19_992), "19,992");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn stored_stories_in_every_format() {
        let story = StoredStory {
            id: 7,
            headline: "Leaders meet".to_string(),
            articles: 2,
            sources: vec!["Wire".to_string(), "Courier".to_string()],
            first_seen: Some("2023-03-15".to_string()),
            last_seen: Some("2023-03-16".to_string()),
            conflicts: Some(1),
            failed: None,
        };
        let stories = [story];
        let text = stored(&stories, "1 story", Format::Text).expect("text");
        assert!(text.contains(
            "   7  Leaders meet (2 articles, 2023-03-15 to 2023-03-16, 1 conflicting fact)"
        ));
        let md = stored(&stories, "1 story", Format::Md).expect("md");
        assert!(md.starts_with("# 1 story\n"), "{md}");
        assert!(md.contains("- **7** Leaders meet (2 articles"), "{md}");
        let html = stored(&stories, "1 story", Format::Html).expect("html");
        assert!(html.contains("<td>Leaders meet</td>") && html.ends_with("</html>\n"));
        let json: serde_json::Value =
            serde_json::from_str(&stored(&stories, "", Format::Json).expect("json"))
                .expect("valid JSON");
        assert_eq!(json[0]["id"], 7);
    }
}
