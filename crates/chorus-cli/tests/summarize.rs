//! `chorus summarize` on the bundled example: goldens, formats, colour, budget, output file, stdin.

use crate::util::*;

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
fn the_brief_is_cut_and_full_prints_everything() {
    let brief = stdout(&chorus(&["summarize", "examples/reports"]));
    let full = chorus(&["summarize", "examples/reports", "--full"]);
    assert!(full.status.success(), "{}", stderr(&full));
    let full = stdout(&full);
    // A single-source figure with no word of what it counts and a name
    // one source uses: in full only.
    for line in ["  date: 2023-04", "Hakan Demir (person)"] {
        assert!(!brief.contains(line), "{line} in the brief:\n{brief}");
        assert!(full.contains(line), "{line} not in full:\n{full}");
    }
    assert!(
        brief.contains("(and 1 more fact; --full prints them)"),
        "{brief}"
    );
    assert!(!full.contains("--full prints them"), "{full}");
    // The JSON holds everything whatever the flag.
    let json = example_json();
    assert_eq!(
        json["stories"][0]["facts"].as_array().map(Vec::len),
        Some(9)
    );
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

#[test]
fn unknown_system_is_refused() {
    let output = chorus(&["summarize", "examples/reports", "--system", "gpt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown system"));
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

#[test]
fn after_earlier_reports_the_brief_tells_what_is_new() {
    let (plain, report) = summarize_json(&["examples/web"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let opening = report["stories"][0]["summary"][0]["text"]
        .as_str()
        .expect("a summary")
        .to_string();
    // An earlier report that said exactly what the brief opens with.
    let dir = tempfile::tempdir().expect("temp dir");
    let earlier = write(dir.path(), "earlier.txt", opening.as_bytes());
    let (output, update) = summarize_json(&[
        "examples/web",
        "--after",
        earlier.to_str().expect("utf-8 path"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = update["stories"][0]["summary"].as_array().expect("summary");
    assert!(!summary.is_empty());
    assert!(
        summary.iter().all(|s| s["text"] != opening.as_str()),
        "told again: {opening}"
    );
    let documents: Vec<&str> = update["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert!(!documents.contains(&"earlier"), "{documents:?}");
    let missing = chorus(&["summarize", "examples/web", "--after", "no-such-folder"]);
    assert_eq!(missing.status.code(), Some(2));
}

/// Three fictional reports of one ferry strike: the harbour report adds
/// four sentences of its own, the wire report a reworded paragraph the
/// other two also carry.
const FERRY_REPORTS: [(&str, &str); 3] = [
    (
        "harbour.txt",
        "Ferry crews strike in Ardel\n\n\
         Ferry crews in Ardel walked out on Monday, halting all crossings to the islands.\n\n\
         The union says the strike will last until the company restores the night shift.\n\n\
         More than 1,200 passengers were stranded at the terminal, the port authority said.\n\n\
         Harbour master Ilse Brandt said the 14 berths would stay closed until Thursday.\n\n\
         A bakery beside the terminal handed out bread and tea to stranded families.\n\n\
         The old lighthouse on the breakwater was lit all night for the first time in years.\n\n\
         Fishermen from Casso offered to carry medicines across in their own boats.\n",
    ),
    (
        "wire.txt",
        "Ardel ferries halted by strike\n\n\
         Ferry crews in Ardel walked out on Monday and halted every crossing to the islands.\n\n\
         The port authority said over 1,200 passengers were stranded at the terminal.\n\n\
         The union wants the company to restore the night shift before the strike ends.\n",
    ),
    (
        "islands.txt",
        "Islands cut off as Ardel ferry crews strike\n\n\
         The islands were cut off on Monday when ferry crews in Ardel walked out.\n\n\
         About 1,200 passengers were left stranded at the Ardel terminal, port officials said.\n\n\
         The crews say they will strike until the night shift is restored by the company.\n",
    ),
];

#[test]
fn only_in_lists_what_one_source_alone_says_and_the_brief_ranks_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in FERRY_REPORTS {
        write(dir.path(), name, text.as_bytes());
    }
    let path = dir.path().to_str().expect("temp path is UTF-8");
    let (output, json) = summarize_json(&[path]);
    assert!(output.status.success(), "{}", stderr(&output));
    let unique = &json["stories"][0]["unique"];
    let own: Vec<&str> = unique
        .as_array()
        .expect("unique is a list")
        .iter()
        .flat_map(|u| u["sentences"].as_array().into_iter().flatten())
        .filter_map(|s| s.as_str())
        .collect();
    // The stranded passengers and the strike's terms are every report's.
    for shared in ["1,200 passengers", "night shift"] {
        assert!(!own.iter().any(|s| s.contains(shared)), "{shared}: {own:?}");
    }
    // What only the harbour report says is all in the JSON.
    for alone in ["Ilse Brandt", "bakery", "lighthouse", "Casso"] {
        assert!(own.iter().any(|s| s.contains(alone)), "{alone}: {own:?}");
    }
    // The terminal shows two (the summary, cut to the sentences every
    // report carries, prints none of them), the one with a name and a
    // figure of its own first, and says how many more there are.
    let text = stdout(&chorus(&["summarize", path, "--words", "45"]));
    let only_in = text
        .split("Only in:")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("an Only in section");
    let listed: Vec<&str> = only_in.lines().filter(|l| l.starts_with("  [")).collect();
    assert_eq!(listed.len(), 2, "{only_in}");
    assert!(only_in.contains("Ilse Brandt"), "{only_in}");
    assert!(only_in.contains("--full prints them"), "{only_in}");
    let full = stdout(&chorus(&["summarize", path, "--words", "45", "--full"]));
    for alone in ["bakery", "lighthouse", "Casso"] {
        assert!(full.contains(alone), "{alone}: {full}");
    }
}
