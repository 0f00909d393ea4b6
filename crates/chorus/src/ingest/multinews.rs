//! Multi-News text: the documents of a cluster joined by `|||||`.
//!
//! The distributed files hold one cluster per line with newlines written as
//! `NEWLINE_CHAR`; a file with real newlines and separators is one cluster.

use crate::model::StoryInput;

use super::bare_article;

const SEPARATOR: &str = "|||||";
const NEWLINE_TOKEN: &str = "NEWLINE_CHAR";

/// Parses Multi-News content into stories named `{stem}-{line}`.
pub fn parse_multinews(stem: &str, content: &str) -> Vec<StoryInput> {
    let line_per_cluster = content.contains(NEWLINE_TOKEN)
        || content
            .lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.contains(SEPARATOR));
    let clusters: Vec<(String, &str)> = if line_per_cluster {
        content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (format!("{stem}-{}", i + 1), l))
            .collect()
    } else {
        vec![(stem.to_string(), content)]
    };
    clusters
        .into_iter()
        .map(|(id, raw)| {
            let articles = raw
                .split(SEPARATOR)
                .map(|doc| doc.replace(NEWLINE_TOKEN, "\n").trim().to_string())
                .filter(|doc| !doc.is_empty())
                .enumerate()
                .map(|(i, doc)| bare_article(format!("{id}-d{i}"), doc))
                .collect();
            StoryInput {
                id,
                articles,
                references: Vec::new(),
                loose: false,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_cluster_per_line() {
        let stories = parse_multinews(
            "test",
            "A one. NEWLINE_CHAR NEWLINE_CHAR A two. ||||| B one.\nC one. ||||| D one.\n",
        );
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[0].id, "test-1");
        assert_eq!(stories[0].articles.len(), 2);
        assert!(stories[0].articles[0].text.contains("\n"));
        assert_eq!(stories[1].articles[1].text, "D one.");
    }

    #[test]
    fn whole_file_cluster() {
        let stories = parse_multinews("f", "First doc.\nMore.\n|||||\nSecond doc.\n");
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].articles.len(), 2);
    }
}
