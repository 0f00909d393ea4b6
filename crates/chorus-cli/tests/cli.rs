//! The `chorus` binary end to end: the bundled example, golden outputs,
//! every input format, bad input, and evaluation.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace's root, where the bundled examples are: every run starts
/// there, so paths in outputs read as they do in the README.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chorus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .current_dir(workspace_root())
        .output()
        .expect("chorus runs")
}

fn chorus_with_stdin(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chorus starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts input");
    child.wait_with_output().expect("chorus finishes")
}

/// The `id` of every object in a JSON array.
fn ids_of(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| i["id"].as_str().unwrap_or(""))
                .collect()
        })
        .unwrap_or_default()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// The JSON a successful run printed.
fn json_of(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_str(&stdout(output)).expect("JSON")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{} differs from the output; if the change is intended, run UPDATE_GOLDEN=1 cargo test\n--- output ---\n{actual}",
        path.display()
    );
}

fn example_json() -> serde_json::Value {
    let output = chorus(&["summarize", "examples/reports", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("JSON output parses")
}

#[test]
fn example_text_is_plain_when_piped() {
    let output = chorus(&["summarize", "examples/reports"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "no colour when piped");
    assert!(text.contains("Sources:"));
    assert!(text.contains("[1] arab-herald"));
    assert!(text.contains("][")); // some sentence cites several sources
    assert_eq!(stderr(&output), "");
}

#[test]
fn colour_can_be_forced() {
    let output = chorus(&["summarize", "examples/reports", "--color", "always"]);
    assert!(stdout(&output).contains('\u{1b}'));
}

#[test]
fn example_golden_outputs() {
    let json = chorus(&["summarize", "examples/reports", "--format", "json"]);
    golden("reports.json", &stdout(&json));
    let md = chorus(&[
        "summarize",
        "examples/reports",
        "--format",
        "md",
        "--words",
        "100",
    ]);
    golden("reports.md", &stdout(&md));
    let text = chorus(&["summarize", "examples/reports", "--words", "100"]);
    golden("reports.txt", &stdout(&text));
    let html = chorus(&["summarize", "examples/reports", "--format", "html"]);
    golden("reports.html", &stdout(&html));
}

#[test]
fn html_page_cites_each_source_sentence_and_loads_nothing() {
    let output = chorus(&["summarize", "examples/reports", "--format", "html"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = stdout(&output);
    let report = example_json();
    let story = &report["stories"][0];
    // Every summary sentence's markers link to the stating sentence of each
    // of its sources, and that sentence is on the page with that anchor.
    let documents: Vec<&str> = story["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    for sentence in story["summary"].as_array().expect("summary") {
        let evidence = sentence["evidence"].as_array().expect("evidence");
        assert_eq!(
            evidence.len(),
            sentence["sources"].as_array().map_or(0, Vec::len)
        );
        for e in evidence {
            let number = documents
                .iter()
                .position(|d| Some(*d) == e["document"].as_str())
                .expect("a story document")
                + 1;
            let anchor = format!("s1-d{number}-{}", e["sentence"]);
            assert!(page.contains(&format!("href=\"#{anchor}\"")), "{anchor}");
            assert!(page.contains(&format!("id=\"{anchor}\"")), "{anchor}");
        }
    }
    assert!(
        page.contains("class=\"conflict\""),
        "the deaths conflict is highlighted"
    );
    assert!(page.contains("<details><summary>Removed by cleaning"));
    assert!(!page.contains("<script") && !page.contains(" src=") && !page.contains("<link"));
}

#[test]
fn json_follows_the_report_contract() {
    let report = example_json();
    assert_eq!(report["version"], 1);
    let documents = report["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 7);
    for document in documents {
        for key in [
            "id",
            "title",
            "source",
            "url",
            "date",
            "sentences",
            "removed",
            "duplicate_of",
        ] {
            assert!(document.get(key).is_some(), "document lacks {key}");
        }
    }
    let stories = report["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 1);
    let story = &stories[0];
    assert_eq!(story["id"], "reports");
    for key in ["facts", "quotes", "entities", "timeline", "unique"] {
        assert!(story[key].is_array(), "story lacks {key}");
    }
    let summary = story["summary"].as_array().expect("summary");
    assert!(!summary.is_empty());
    let mut words = 0;
    for sentence in summary {
        let sources: Vec<&str> = sentence["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| s.as_str().expect("source id"))
            .collect();
        let from = sentence["from"]["document"]
            .as_str()
            .expect("from.document");
        assert!(sources.contains(&from), "a sentence cites its own document");
        words += sentence["text"]
            .as_str()
            .expect("text")
            .split_whitespace()
            .count();
    }
    assert!(words <= 150, "default budget is 150 words, got {words}");
    // The reprint points at the wire story, and is never quoted from.
    let gulf = documents
        .iter()
        .find(|d| d["id"] == "gulf-observer")
        .expect("reprint listed");
    assert_eq!(gulf["duplicate_of"], "wire-global");
    assert!(
        summary
            .iter()
            .all(|s| s["from"]["document"] != "gulf-observer")
    );
    // The meeting itself is reported by every outlet: the brief says so.
    let widest = summary
        .iter()
        .map(|s| s["sources"].as_array().map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    assert!(
        widest >= 5,
        "the core fact should cite at least five outlets"
    );
}

#[test]
fn boilerplate_is_removed_with_reasons() {
    let report = example_json();
    let mut reasons: Vec<(String, String)> = Vec::new();
    for document in report["documents"].as_array().expect("documents") {
        for removed in document["removed"].as_array().expect("removed") {
            reasons.push((
                removed["reason"].as_str().expect("reason").to_string(),
                removed["text"].as_str().expect("text").to_string(),
            ));
        }
    }
    let has = |reason: &str, fragment: &str| {
        reasons
            .iter()
            .any(|(r, t)| r == reason && t.contains(fragment))
    };
    assert!(has(
        "repeated_headline",
        "Qadiran and Velmoran leaders meet"
    ));
    assert_eq!(
        reasons
            .iter()
            .filter(|(r, _)| r == "repeated_headline")
            .count(),
        2
    );
    assert!(has("social", "Follow us"));
    assert!(has("social", "Telegram"));
    assert!(has("social", "@YouTube"));
    assert!(has("related", "Related Article"));
    assert!(has("subhead", "Leaders Meet"));
    assert!(has("subhead", "What Was Said"));
    assert!(has("credit", "Photo:"));
    assert!(has("subscribe", "newsletter"));
    let summary = report["stories"][0]["summary"].to_string();
    for noise in [
        "Telegram",
        "Follow us",
        "Related Article",
        "@YouTube",
        "newsletter",
    ] {
        assert!(!summary.contains(noise), "{noise} reached the brief");
    }
}

#[test]
fn word_budget_is_respected() {
    let output = chorus(&[
        "summarize",
        "examples/reports",
        "--format",
        "json",
        "--words",
        "60",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let words: usize = report["stories"][0]["summary"]
        .as_array()
        .expect("summary")
        .iter()
        .map(|s| s["text"].as_str().unwrap_or("").split_whitespace().count())
        .sum();
    assert!(words > 0 && words <= 60, "{words} words");
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("brief.md");
    let output = chorus(&[
        "summarize",
        "examples/reports",
        "--format",
        "md",
        "-o",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(output.status.success());
    assert!(stdout(&output).is_empty());
    let written = std::fs::read_to_string(out).expect("output written");
    assert!(written.starts_with("# "));
    assert!(written.contains("## Sources"));
}

#[test]
fn stdin_text() {
    let text = "Storm Hits Coast\n\nA storm hit the coast on Monday, cutting power to 40,000 homes. \
                Crews worked through the night to restore it. Schools stayed closed.";
    let output = chorus_with_stdin(&["summarize", "-", "--format", "json"], text);
    let report = json_of(&output);
    assert_eq!(report["documents"][0]["id"], "stdin");
    assert_eq!(report["documents"][0]["title"], "Storm Hits Coast");
    assert_eq!(report["stories"][0]["headline"], "Storm Hits Coast");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("fixture written");
    path
}

#[test]
fn bad_input_is_named_and_the_rest_is_summarized() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "good.txt",
        b"Bridge Reopens\n\nThe city bridge reopened on Friday after two years of repairs. Traffic was light.",
    );
    write(dir.path(), "empty.txt", b"  \n\n");
    write(dir.path(), "binary.txt", b"\x7fELF\x02\x01\x00\x00binary");
    write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 News\n\nThe caf\xe9 by the bridge opened again on Friday morning.",
    );
    write(
        dir.path(),
        "feed.jsonl",
        b"{\"id\":\"j1\",\"text\":\"The mayor cut the ribbon at the bridge on Friday morning.\"}\n{not json}\n",
    );
    write(dir.path(), "notes.pdf", b"%PDF-1.4");
    let output = chorus(&[
        "summarize",
        dir.path().to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit status 2 when any input failed"
    );
    let errors = stderr(&output);
    assert!(errors.contains("empty.txt: empty file"), "{errors}");
    assert!(errors.contains("binary.txt: binary file"), "{errors}");
    assert!(errors.contains("feed.jsonl:2: invalid JSON"), "{errors}");
    assert!(errors.contains("notes.pdf: skipped"), "{errors}");
    assert!(!errors.contains("panicked"));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let ids = ids_of(&report["documents"]);
    assert_eq!(ids, ["j1", "good", "latin1"]);
    let latin1 = &report["documents"][2];
    assert_eq!(latin1["title"], "Café News");
    assert!(
        latin1["notes"][0]
            .as_str()
            .unwrap_or("")
            .contains("windows-1252")
    );
}

fn summarize_json(args: &[&str]) -> (Output, serde_json::Value) {
    let mut all = vec!["summarize"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let output = chorus(&all);
    let report = serde_json::from_str(&stdout(&output)).unwrap_or(serde_json::Value::Null);
    (output, report)
}

const BODY: &str = "The city bridge reopened on Friday after two years of repairs, officials said.";

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
fn deep_nesting_is_a_named_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = format!(
        "<html><body>{}<p>{BODY}</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let deep = write(dir.path(), "deep.html", deep.as_bytes());
    write(dir.path(), "fine.txt", BODY.as_bytes());
    let (output, report) = summarize_json(&[dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains(&format!("{}: markup nested 10003 deep", deep.display())),
        "{errors}"
    );
    assert!(errors.contains("--max-depth"));
    assert_eq!(report["documents"][0]["id"], "fine");
    // The limit is a flag.
    let nested = |depth: usize| {
        format!(
            "<html><body>{}<p>{BODY}</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    let page = write(dir.path(), "page.html", nested(600).as_bytes());
    let page = page.to_str().expect("utf-8 path");
    let (refused, _) = summarize_json(&[page]);
    assert!(
        stderr(&refused).contains("markup nested 603 deep"),
        "{}",
        stderr(&refused)
    );
    let (accepted, report) = summarize_json(&[page, "--max-depth", "1000"]);
    assert!(accepted.status.success(), "{}", stderr(&accepted));
    assert_eq!(report["stories"][0]["summary"][0]["text"], BODY);
}

#[test]
fn oversized_file_is_a_named_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = dir.path().join("huge.txt");
    // Sparse: 200 MB long, nothing written; chorus must refuse it unread.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("sparse file");
    write(dir.path(), "fine.txt", BODY.as_bytes());
    let (output, report) = summarize_json(&[dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("huge.txt: 200.0 MiB is over the limit of 64.0 MiB (--max-file-size)"),
        "{errors}"
    );
    assert_eq!(report["documents"][0]["id"], "fine");
    let small = chorus(&[
        "summarize",
        dir.path().join("fine.txt").to_str().expect("utf-8"),
        "--max-file-size",
        "10",
    ]);
    assert!(
        stderr(&small).contains("over the limit of 10 bytes"),
        "{}",
        stderr(&small)
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folder_loops_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "fine.txt", BODY.as_bytes());
    std::os::unix::fs::symlink(
        dir.path().join("missing.txt"),
        dir.path().join("broken.txt"),
    )
    .expect("symlink");
    std::fs::create_dir(dir.path().join("sub")).expect("sub folder");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub").join("loop")).expect("symlink");
    let (output, report) = summarize_json(&[dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("broken.txt: cannot open"), "{errors}");
    assert!(errors.contains("loop: folder loop"), "{errors}");
    let ids = ids_of(&report["documents"]);
    assert_eq!(ids, ["fine"], "each file read once");
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
    let summary = report["stories"][0]["summary"].to_string();
    assert!(summary.contains("The café by the bridge"), "{summary}");
    assert!(!summary.contains('Ã'));
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
fn nothing_readable_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.txt", b"");
    let output = chorus(&["summarize", empty.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no readable article"));
    let missing = chorus(&["summarize", "no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no/such/file.txt: cannot open"));
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

#[test]
fn eval_prints_every_system_and_writes_summaries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wire = std::fs::read_to_string(workspace_root().join("examples/reports/wire-global.txt"))
        .expect("example");
    let lahore =
        std::fs::read_to_string(workspace_root().join("examples/reports/lahore-daily.txt"))
            .expect("example");
    let cluster = serde_json::json!({
        "id": "serin",
        "documents": [{"id": "wire", "text": wire}, {"id": "lahore", "text": lahore}],
        "summaries": ["The leaders of Qadira and Velmora met in Istanbul on Wednesday for more \
                       than three hours. Al-Nasser said Qadira would not accept a solution \
                       imposed from outside."]
    });
    let data = write(dir.path(), "mini.jsonl", format!("{cluster}\n").as_bytes());
    let out = dir.path().join("summaries.jsonl");
    let output = chorus(&[
        "eval",
        "--data",
        data.to_str().expect("utf-8 path"),
        "--words",
        "40",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    for system in ["chorus", "lead", "lead-rr", "lexrank", "textrank"] {
        assert!(
            table.lines().any(|l| l.starts_with(system)),
            "{system} missing:\n{table}"
        );
    }
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(out)
        .expect("summaries written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("summary line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5);
    for line in &lines {
        assert_eq!(line["id"], "serin");
        let words = line["summary"]
            .as_str()
            .unwrap_or("")
            .split_whitespace()
            .count();
        assert_eq!(words, 40, "summaries are cut at the budget: {line}");
    }
    let json = chorus(&[
        "eval",
        "--data",
        data.to_str().expect("utf-8 path"),
        "--systems",
        "chorus,lead",
        "--json",
    ]);
    let parsed: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    let results = parsed["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let r1 = results[0]["rouge1_f"].as_f64().expect("rouge1_f");
    assert!(r1 > 10.0 && r1 <= 100.0, "{r1}");
}

#[test]
fn eval_without_references_is_an_error() {
    let output = chorus(&["eval", "--data", "examples/reports/northern-courier.jsonl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no cluster with reference summaries"));
}

#[test]
fn unknown_system_is_refused() {
    let output = chorus(&["summarize", "examples/reports", "--system", "gpt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown system"));
}

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
fn eval_cluster_scores_mixed_clusters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let floods = [
        "The Serin River flooded the valley and displaced thousands of villagers.",
        "Floods swept the Serin valley after the river burst its banks, displacing villagers.",
        "Villagers displaced by the Serin River floods returned to the flooded valley.",
    ];
    let election = [
        "The ruling party lost its parliamentary majority in the election.",
        "Election results showed the ruling party losing its majority in parliament.",
        "After the election the ruling party no longer holds a parliamentary majority.",
    ];
    let line = |id: &str, texts: &[&str]| {
        let documents: Vec<_> = texts
            .iter()
            .map(|t| serde_json::json!({"text": t}))
            .collect();
        serde_json::json!({"id": id, "documents": documents}).to_string()
    };
    let data = write(
        dir.path(),
        "gold.jsonl",
        format!(
            "{}\n{}\n",
            line("floods", &floods),
            line("election", &election)
        )
        .as_bytes(),
    );
    // In one batch, and incrementally through a store two articles at a time.
    for extra in [&[][..], &["--store", "--batch", "2"][..]] {
        let mut args = vec![
            "eval-cluster",
            "--data",
            data.to_str().expect("utf-8 path"),
            "--json",
        ];
        args.extend_from_slice(extra);
        let output = chorus(&args);
        assert!(output.status.success(), "{extra:?}: {}", stderr(&output));
        let result: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
        assert_eq!(result["articles"], 6, "{extra:?}");
        assert_eq!(result["gold_groups"], 2, "{extra:?}");
        assert_eq!(result["stories"], 2, "{extra:?}");
        assert_eq!(result["scores"]["bcubed_f1"], 1.0, "{extra:?}");
        assert_eq!(result["scores"]["ari"], 1.0, "{extra:?}");
    }
}

/// The facts of the example's story whose claims include `text`.
fn fact_with<'a>(story: &'a serde_json::Value, text: &str) -> &'a serde_json::Value {
    story["facts"]
        .as_array()
        .and_then(|facts| {
            facts.iter().find(|f| {
                f["claims"].as_array().is_some_and(|claims| {
                    claims.iter().any(|c| {
                        c["text"].as_str() == Some(text)
                            || c["also_written"]
                                .as_array()
                                .is_some_and(|w| w.iter().any(|x| x.as_str() == Some(text)))
                    })
                })
            })
        })
        .unwrap_or_else(|| panic!("a fact with the claim {text:?}"))
}

#[test]
fn compare_finds_what_the_example_was_written_to_show() {
    let report = example_json();
    let story = &report["stories"][0];
    // Displaced: "about 500,000" and "at least 580,000" in one article
    // cannot both hold; "about five lakh" is 500,000.
    let displaced = fact_with(story, "at least 580,000");
    assert_eq!(displaced["status"], "conflict");
    let lakh = fact_with(story, "About five lakh people");
    assert_eq!(lakh["claims"], displaced["claims"]);
    assert!(displaced["claims"].as_array().is_some_and(|c| {
        c.iter()
            .any(|c| c["value"] == 500000.0 && c["bound"] == "about")
    }));
    // Deaths: "at least 230" against "190".
    assert_eq!(fact_with(story, "190 people")["status"], "conflict");
    // "about three hours" agrees with "more than three hours".
    assert_eq!(fact_with(story, "about three hours")["status"], "agreed");
    // "after 17:00 Istanbul time" and "around 14:00 GMT" are one moment.
    let start = fact_with(story, "around 14:00 GMT");
    assert_eq!(start["status"], "agreed");
    assert!(
        start["claims"]
            .as_array()
            .is_some_and(|c| c.iter().all(|c| c["resolved"] == "14:00 UTC"))
    );
    // "Wednesday" resolved to the date another report gives as "15 March".
    let meeting = fact_with(story, "Wednesday");
    assert_eq!(meeting["status"], "agreed");
    assert_eq!(meeting["claims"][0]["resolved"], "2023-03-15");
    assert!(
        meeting["claims"][0]["sources"]
            .as_array()
            .is_some_and(|s| s.iter().any(|s| s == "valley-times"))
    );
    // Crops in crore, read as a number.
    assert_eq!(
        fact_with(story, "Rs 1,200 crore")["claims"][0]["value"],
        1.2e10
    );
    // The translated quote is one quote with three wordings.
    let quote = &story["quotes"][0];
    assert_eq!(quote["speaker"], "Karim al-Nasser");
    assert_eq!(quote["variants"].as_array().map(Vec::len), Some(2));
    for outlet in ["arab-herald", "lahore-daily", "wire-global", "briefly-news"] {
        assert!(
            quote["sources"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s == outlet)),
            "{outlet} carries the quote"
        );
    }
    // Aliases merged.
    let entity = |name: &str| {
        story["entities"]
            .as_array()
            .and_then(|e| e.iter().find(|e| e["name"] == name))
            .unwrap_or_else(|| panic!("entity {name}"))
            .clone()
    };
    let turkey = entity("Türkiye");
    assert_eq!(turkey["kind"], "place");
    assert_eq!(turkey["aliases"], serde_json::json!(["Turkiye", "Turkey"]));
    let nasser = entity("Karim al-Nasser");
    assert_eq!(nasser["kind"], "person");
    for alias in ["Nasser", "Karim Nasser", "al-Nasser"] {
        assert!(
            nasser["aliases"]
                .as_array()
                .is_some_and(|a| a.iter().any(|a| a == alias))
        );
    }
    // The timeline, earliest first, with the meeting day.
    let dates: Vec<&str> = story["timeline"]
        .as_array()
        .map(|t| t.iter().filter_map(|e| e["date"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        dates,
        vec!["1994", "2022", "2023-02", "2023-03-15", "2023-04"]
    );
    // What only one outlet says: Lahore Daily's crop losses.
    let lahore = story["unique"]
        .as_array()
        .and_then(|u| u.iter().find(|u| u["document"] == "lahore-daily"))
        .expect("lahore-daily adds something");
    assert!(
        lahore["sentences"][0]
            .as_str()
            .is_some_and(|s| s.contains("crore"))
    );
}

#[test]
fn eval_facts_scores_against_labels() {
    let output = chorus(&[
        "eval-facts",
        "--data",
        "crates/chorus-cli/tests/fixtures/facts-cluster.jsonl",
        "--labels",
        "crates/chorus-cli/tests/fixtures/facts-labels.jsonl",
        "--json",
    ]);
    let result = json_of(&output);
    assert_eq!(result["clusters"], 1);
    // "at least 12" against "9": one conflict, found, nothing else called one.
    assert_eq!(result["conflicts"]["reported"], 1);
    assert_eq!(result["conflicts"]["correct"], 1);
    assert_eq!(result["conflicts"]["found"], 1);
    // "We lost everything" and "We have lost everything": one link.
    assert_eq!(result["quotes"]["correct"], 1);
    assert_eq!(result["quotes"]["found"], 1);

    let dir = tempfile::tempdir().expect("temporary folder");
    let labels = write(
        dir.path(),
        "labels.jsonl",
        b"{\"cluster\": \"storm\", \"conflicts\": []}\n{\"cluster\": \"nowhere\", \"conflicts\": []}\nnot json\n",
    );
    let labels = labels.to_string_lossy().to_string();
    let output = chorus(&[
        "eval-facts",
        "--data",
        "crates/chorus-cli/tests/fixtures/facts-cluster.jsonl",
        "--labels",
        &labels,
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("labels.jsonl:3:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_folder_of_two_events_gives_two_briefs_biggest_first() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for entry in
        std::fs::read_dir(workspace_root().join("examples/reports")).expect("example folder")
    {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .to_string();
        std::fs::copy(&path, dir.path().join(name)).expect("copy");
    }
    write(
        dir.path(),
        "harbour-news.txt",
        b"Ferry strike halts crossings to Marren Island\n\nFerry crews walked out on Monday over pay, halting every crossing between Port Elmer and Marren Island.\n\nThe ferry union said the strike would last 48 hours and that talks with the operator had failed.\n",
    );
    write(
        dir.path(),
        "island-herald.txt",
        b"Marren Island cut off as ferry crews strike\n\nNo ferry left Port Elmer for Marren Island on Monday as crews began a 48-hour strike over pay.\n\nIslanders said the ferry union and the operator should return to talks.\n",
    );
    let folder = dir.path().to_string_lossy().to_string();
    let (output, report) = summarize_json(&[&folder]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stories = report["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 2, "{report:#}");
    assert_eq!(stories[0]["documents"].as_array().map(Vec::len), Some(7));
    let ferry: Vec<&str> = ids_of_strings(&stories[1]["documents"]);
    assert_eq!(ferry, vec!["harbour-news", "island-herald"]);
}

/// The strings of a JSON array.
fn ids_of_strings(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .map(|items| items.iter().filter_map(|i| i.as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn ingest_is_idempotent_and_stories_are_listed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let first = chorus(&["ingest", "examples/reports", "--db", &db, "--json"]);
    let first = json_of(&first);
    assert_eq!(first["added"], 7);
    let again = chorus(&["ingest", "examples/reports", "--db", &db, "--json"]);
    let again: serde_json::Value = serde_json::from_str(&stdout(&again)).expect("JSON");
    assert_eq!(
        (again["added"].clone(), again["already_stored"].clone()),
        (0.into(), 7.into())
    );
    let listed = chorus(&["stories", "--db", &db, "--format", "json"]);
    let stories = json_of(&listed);
    assert_eq!(stories.as_array().map(Vec::len), Some(1));
    assert_eq!(stories[0]["articles"], 7);
    let brief = chorus(&["stories", "--db", &db, "--story", "1"]);
    assert!(stdout(&brief).contains("Facts:"), "{}", stdout(&brief));
}

#[test]
fn stories_are_searched_and_limited() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let strike = dir.path().join("strike.jsonl");
    std::fs::write(
        &strike,
        concat!(
            r#"{"id":"s1","title":"Port workers strike","text":"Dock workers at the port of Halvik walked out on Monday over pay, halting container traffic."}"#,
            "\n",
            r#"{"id":"s2","title":"Halvik dock strike enters second day","text":"The strike by Halvik dock workers over pay entered its second day, with container traffic still halted."}"#,
            "\n"
        ),
    )
    .expect("fixture written");
    let ingested = chorus(&[
        "ingest",
        "examples/reports",
        &strike.to_string_lossy(),
        "--db",
        &db,
    ]);
    assert!(ingested.status.success(), "{}", stderr(&ingested));
    let listed = |args: &[&str]| {
        let mut all = vec!["stories", "--db", &db];
        all.extend_from_slice(args);
        let output = chorus(&all);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let all = listed(&[]);
    assert!(all.starts_with("2 stories\n"), "{all}");
    // A listing's first line, and a story it shows and one it does not.
    let shows = |args: &[&str], head: &str, has: &str, lacks: &str| {
        let out = listed(args);
        assert!(out.starts_with(head), "{out}");
        assert!(out.contains(has) && !out.contains(lacks), "{out}");
    };
    // The biggest story first; the cut is said.
    shows(
        &["--limit", "1"],
        "1 story (more with a higher --limit)\n",
        "Istanbul",
        "Port workers",
    );
    shows(
        &["--search", "dock workers"],
        "1 story with \"dock workers\"\n",
        "Port workers strike (2 articles)",
        "Istanbul",
    );
    assert!(listed(&["--search", "glacier"]).starts_with("0 stories with"));
    let json: serde_json::Value =
        serde_json::from_str(&listed(&["--search", "Serin", "--format", "json"])).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1));
}

#[test]
fn ingest_places_a_foreign_language_report_by_its_names() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let output = chorus(&["ingest", "examples", "--db", &db, "--json"]);
    let summary = json_of(&output);
    let articles = summary["articles"].as_array().expect("articles");
    let story_of = |id: &str| {
        articles
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["story"].clone())
            .expect("every article is reported")
    };
    assert_eq!(
        story_of("le-quotidien"),
        story_of("arab-herald"),
        "{articles:?}"
    );
}

/// Articles committed to the store at `db`, read as another process would
/// (`None` while the store or its tables do not exist yet).
fn committed_articles(db: &Path) -> Option<i64> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let conn = rusqlite::Connection::open_with_flags(db, flags).ok()?;
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .ok()
}

/// Articles in the stories `chorus stories` lists.
fn listed_articles(db: &str) -> u64 {
    let listed = chorus(&["stories", "--db", db, "--format", "json"]);
    json_of(&listed)
        .as_array()
        .expect("stories")
        .iter()
        .filter_map(|s| s["articles"].as_u64())
        .sum()
}

/// An article that only ever arrives on stdin.
const LATE_REPORT: &str = "Talks Resume\n\nNegotiators for Qadira and Velmora met again on Thursday to finish the water-sharing agreement, a spokesman said.\n";

#[test]
fn a_killed_ingest_keeps_its_committed_batches_and_a_rerun_adds_the_rest() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temporary folder");
    let db_path = dir.path().join("chorus.db");
    let db = db_path.to_string_lossy().to_string();
    // Seven files in batches of four, then stdin: the first batch is
    // committed, the other three files wait in memory for a batch that
    // stdin never completes, because stdin is read to its end and is kept
    // open. The process is killed there, as a crash would end it.
    let args = [
        "ingest",
        "examples/reports",
        "-",
        "--db",
        &db,
        "--batch",
        "4",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chorus starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(LATE_REPORT.as_bytes())
        .expect("stdin accepts input");
    let started = std::time::Instant::now();
    // Any count but four once something is committed fails below.
    while committed_articles(&db_path).unwrap_or(0) == 0 {
        if let Some(status) = child.try_wait().expect("the ingest can be waited for") {
            let output = child.wait_with_output().expect("its output");
            panic!(
                "the ingest ended by itself ({status}) instead of waiting for stdin: {}",
                stderr(&output)
            );
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the first batch was never committed"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().expect("the ingest can be killed");
    let killed = child.wait_with_output().expect("the killed ingest");
    drop(stdin);
    assert!(!killed.status.success());
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            killed.status.signal(),
            Some(libc::SIGKILL),
            "the ingest was killed, not ended: {}",
            stderr(&killed)
        );
    }

    // The store opens cleanly and holds the committed batch, whole and
    // nothing else.
    assert_eq!(listed_articles(&db), 4);
    {
        let conn = rusqlite::Connection::open(&db_path).expect("the store opens");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("an integrity check");
        assert_eq!(check, "ok");
        let articles: i64 = conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .expect("a count");
        assert_eq!(articles, 4);
    }

    // The same run again adds what the killed one had not committed,
    // and stores nothing twice.
    let rerun = chorus_with_stdin(
        &["ingest", "examples/reports", "-", "--db", &db, "--json"],
        LATE_REPORT,
    );
    let rerun = json_of(&rerun);
    assert_eq!(
        (rerun["added"].as_u64(), rerun["already_stored"].as_u64()),
        (Some(4), Some(4)),
        "{rerun}"
    );
    assert_eq!(listed_articles(&db), 8);
}

#[test]
fn a_store_that_is_not_ours_is_refused() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let text = write(
        dir.path(),
        "notes.db",
        b"these are my notes, not a database\n",
    );
    let text = text.to_string_lossy().to_string();
    let output = chorus(&["ingest", "examples/reports", "--db", &text]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("notes.db"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not a chorus store"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(dir.path().join("notes.db")).expect("still there"),
        b"these are my notes, not a database\n"
    );

    let newer = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&newer).expect("SQLite opens");
        conn.pragma_update(None, "application_id", 0x6368_7273)
            .expect("application id");
        conn.pragma_update(None, "user_version", 99)
            .expect("version");
    }
    let newer = newer.to_string_lossy().to_string();
    let output = chorus(&["ingest", "examples/reports", "--db", &newer]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("newer chorus"),
        "{}",
        stderr(&output)
    );
}
