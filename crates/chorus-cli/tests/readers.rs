//! Every input format and encoding chorus reads.

use crate::util::*;

#[test]
fn truncated_html_is_summarized() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = format!(
        "<html><head><title>Bridge</title></head><body><article><p>{BODY}</p><p>Traffic was light in the morning and heavier by the eve"
    );
    let path = write(dir.path(), "cut.html", page.as_bytes());
    let (output, report) = summarize_json(&[path.to_str().expect("utf-8 path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(report["stories"][0]["summary"][0]["text"], BODY);
}

#[test]
fn encodings_are_decoded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in format!("Bridge Reopens\n\n{BODY}").encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    write(dir.path(), "a-utf16.txt", &utf16);
    // Declares Latin-1 but is UTF-8: the bytes win.
    let mislabelled = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body><article><p>The café by the bridge reopened on Friday after two years of repairs.</p></article></body></html>";
    write(dir.path(), "b-mislabelled.html", mislabelled.as_bytes());
    let (output, report) = summarize_json(&[dir.path().to_str().expect("utf-8 path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let documents = report["documents"].as_array().expect("documents");
    assert_eq!(documents[0]["title"], "Bridge Reopens");
    assert!(
        documents[0]["notes"][0]
            .as_str()
            .unwrap_or("")
            .contains("UTF-16LE")
    );
    assert_eq!(documents[1]["title"], "Café");
    // The café's sentence tells the bridge's reopening again: it is cited,
    // not repeated, and nothing shows mojibake.
    let summary = report["stories"][0]["summary"].to_string();
    assert!(summary.contains("b-mislabelled"), "{summary}");
    assert!(!report.to_string().contains('Ã'));
}

#[test]
fn web_example_reads_every_kind() {
    let (output, report) = summarize_json(&["examples/web"]);
    assert!(output.status.success(), "{}", stderr(&output));
    golden("web.json", &stdout(&output));
    let text = chorus(&["summarize", "examples/web", "--words", "100"]);
    golden("web.txt", &stdout(&text));
    let document = |id: &str| {
        report["documents"]
            .as_array()
            .and_then(|docs| docs.iter().find(|d| d["id"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("no document {id}"))
    };
    let courier = document("northern-courier");
    assert_eq!(courier["source"], "Northern Courier");
    assert_eq!(courier["date"], "2023-03-16T07:30:00Z");
    assert_eq!(
        courier["url"],
        "https://example.org/northern-courier/serin-commission"
    );
    let reasons: Vec<&str> = courier["removed"]
        .as_array()
        .expect("removed")
        .iter()
        .map(|r| r["reason"].as_str().unwrap_or(""))
        .collect();
    assert!(
        reasons.contains(&"social")
            && reasons.contains(&"advertisement")
            && reasons.contains(&"subscribe")
    );
    assert_eq!(
        document("valley-times-2")["notes"][0],
        "feed entry with a summary only"
    );
    assert_eq!(document("valley-times-1")["source"], "Valley Times");
    assert!(
        document("arab-herald-cp1252")["notes"][0]
            .as_str()
            .unwrap_or("")
            .contains("windows-1252")
    );
    assert!(
        document("briefly-news-mojibake")["notes"][0]
            .as_str()
            .unwrap_or("")
            .contains("mojibake")
    );
    let french = document("le-quotidien");
    assert_eq!(french["language"], "fra");
    assert!(
        french["notes"][0]
            .as_str()
            .unwrap_or("")
            .contains("kept out of the summary")
    );
    let summary = report["stories"][0]["summary"].as_array().expect("summary");
    for sentence in summary {
        assert_ne!(sentence["from"]["document"], "le-quotidien");
        let text = sentence["text"].as_str().unwrap_or("");
        for noise in [
            "â€",
            "Ã",
            "Share on",
            "ADVERTISEMENT",
            "newsletter",
            "All rights reserved",
        ] {
            assert!(!text.contains(noise), "{noise} in {text}");
        }
    }
}

#[test]
fn cluster_jsonl_and_multinews_lines_are_stories_of_their_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clusters = write(
        dir.path(),
        "clusters.jsonl",
        br#"{"id":"c-one","documents":[{"text":"The river flooded the valley on Monday. Farms were lost."},{"text":"Floods hit the valley on Monday, destroying farms."}]}
{"id":"c-two","documents":[{"title":"Match Report","text":"The home side won the final 2-1 on Sunday. Fans celebrated late."}]}
"#,
    );
    let multinews = write(
        dir.path(),
        "test.src",
        b"A fire broke out downtown. NEWLINE_CHAR NEWLINE_CHAR Firefighters put it out quickly. ||||| Firefighters fought a downtown blaze on Tuesday.\nThe council passed the budget on Thursday. ||||| The budget vote passed easily.\n",
    );
    let output = chorus(&[
        "summarize",
        clusters.to_str().expect("utf-8 path"),
        multinews.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    let report = json_of(&output);
    let ids = ids_of(&report["stories"]);
    assert_eq!(ids, ["c-one", "c-two", "test-1", "test-2"]);
    let first = &report["stories"][0]["summary"][0];
    assert_eq!(
        first["sources"].as_array().map(Vec::len),
        Some(2),
        "{first}"
    );
}
