//! `chorus cluster`: stories out of loose articles, in every listed format.

use crate::util::*;

#[test]
fn cluster_groups_the_example_into_one_story() {
    let output = chorus(&["cluster", "examples/reports", "--format", "json"]);
    let report = json_of(&output);
    assert_eq!(report["version"], 1);
    let stories = report["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["documents"].as_array().map(Vec::len), Some(7));
    let text = stdout(&chorus(&["cluster", "examples/reports"]));
    assert!(text.starts_with("7 articles, 1 story"), "{text}");
}

#[test]
fn cluster_keeps_a_foreign_language_report_with_its_event() {
    // examples/web holds a French report of the talks: no word-based
    // similarity places it, its names do — as `summarize` groups it.
    let output = chorus(&["cluster", "examples", "--format", "json"]);
    let report = json_of(&output);
    let stories = report["stories"].as_array().expect("stories");
    let story_of = |id: &str| {
        stories
            .iter()
            .position(|s| {
                s["documents"]
                    .as_array()
                    .is_some_and(|d| d.iter().any(|x| x == id))
            })
            .expect("every document is in a story")
    };
    assert_eq!(
        story_of("le-quotidien"),
        story_of("arab-herald"),
        "{stories:?}"
    );
    assert_ne!(
        story_of("valley-times-2"),
        story_of("arab-herald"),
        "{stories:?}"
    );
}

#[test]
fn cluster_prints_every_format_it_lists() {
    let text = stdout(&chorus(&["cluster", "examples/reports", "examples/web"]));
    assert!(text.starts_with("13 articles, 2 stories\n"), "{text}");
    assert!(text.contains("(1 article): "), "{text}");
    let md = chorus(&[
        "cluster",
        "examples/reports",
        "examples/web",
        "--format",
        "md",
    ]);
    assert!(md.status.success(), "{}", stderr(&md));
    let md = stdout(&md);
    assert!(
        md.starts_with("# 13 articles, 2 stories\n\n## story-1: "),
        "{md}"
    );
    assert!(md.contains("\n- wire-global\n"), "{md}");
    let html = chorus(&[
        "cluster",
        "examples/reports",
        "examples/web",
        "--format",
        "html",
    ]);
    assert!(html.status.success(), "{}", stderr(&html));
    let html = stdout(&html);
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("<li>wire-global</li>"), "{html}");
    let json = json_of(&chorus(&[
        "cluster",
        "examples/reports",
        "examples/web",
        "--format",
        "json",
    ]));
    assert_eq!(json["stories"].as_array().map(Vec::len), Some(2));
}
