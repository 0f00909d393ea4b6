//! Inputs built to exhaust chorus: one huge line, a long article whose
//! sentences are all alike, a story of 20,000 articles, thousands of tiny
//! files. Each run has its address space capped, so that a stage that
//! grows with the square of its input fails the test instead of taking the
//! machine down; each input is generated here.

use std::os::unix::process::CommandExt;
use std::process::{Command, Output};

use crate::util::{stderr, stdout, workspace_root, write};

/// Address space each run may use: the 52 MB line needs about 220 MB
/// (the debug binary runs all four in 400 MB), while without the limits
/// each of these inputs took several gigabytes.
const ADDRESS_SPACE: u64 = 768 << 20;

/// Runs chorus with its address space capped at [`ADDRESS_SPACE`].
fn chorus_capped(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chorus"));
    command.args(args).current_dir(workspace_root());
    // SAFETY: between fork and exec the closure only calls setrlimit, which
    // is async-signal-safe, and allocates nothing.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: ADDRESS_SPACE as libc::rlim_t,
                rlim_max: ADDRESS_SPACE as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    command.output().expect("chorus runs")
}

/// The JSON report of a run that succeeded.
fn report_of(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "status {:?}: {}",
        output.status,
        stderr(output)
    );
    serde_json::from_str(&stdout(output)).expect("JSON")
}

/// The JSON report of `chorus summarize` on `path`, under the caps.
fn summarized(path: &std::path::Path) -> serde_json::Value {
    report_of(&chorus_capped(&[
        "summarize",
        "--format",
        "json",
        &path.to_string_lossy(),
    ]))
}

fn notes(value: &serde_json::Value) -> Vec<&str> {
    value["notes"]
        .as_array()
        .map(|n| n.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn a_52_mb_line_of_one_phrase_is_read_up_to_the_document_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let phrase = "Leaders met in Istanbul for talks. ";
    let text = phrase.repeat(52_000_000 / phrase.len());
    let line = serde_json::json!({"id": "huge", "title": "Talks", "text": text}).to_string();
    assert!(line.len() > 50_000_000 && line.len() < 64 << 20);
    let path = write(dir.path(), "huge.jsonl", format!("{line}\n").as_bytes());
    let report = summarized(&path);
    let document = &report["documents"][0];
    assert_eq!(document["sentences"], 1000, "{document}");
    let notes = notes(document);
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("only its first 20,000 of ")
                && n.ends_with(" words were read (--max-document-words)")),
        "{notes:?}"
    );
    let summary = &report["stories"][0]["summary"];
    assert_eq!(summary[0]["text"], "Leaders met in Istanbul for talks.");
}

#[test]
fn a_1_mb_article_of_alike_sentences_is_read_up_to_its_limits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("Talks resume\n\n");
    let mut i = 0;
    while text.len() < 1_000_000 {
        text.push_str(&format!(
            "The minister said on Monday that the talks with the union would resume soon, case {i}. "
        ));
        i += 1;
    }
    let path = write(dir.path(), "alike.txt", text.as_bytes());
    let report = summarized(&path);
    let document = &report["documents"][0];
    assert_eq!(document["sentences"], 1000, "{document}");
    let notes = notes(document);
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("only its first 20,000 of ")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("only its first 1,000 of ")
                && n.ends_with(" sentences were read (--max-document-sentences)")),
        "{notes:?}"
    );
    assert!(
        !report["stories"][0]["summary"]
            .as_array()
            .expect("summary")
            .is_empty()
    );
}

#[test]
fn a_story_of_20000_articles_is_read_lead_first_and_its_page_stays_small() {
    let dir = tempfile::tempdir().expect("temp dir");
    let documents: Vec<serde_json::Value> = (0..20_000)
        .map(|i| {
            serde_json::json!({
                "id": format!("a{i}"),
                "title": "Storm hits the coast",
                "source": format!("Outlet {i}"),
                "date": format!("2024-03-0{}", 1 + i % 9),
                "text": format!(
                    "A storm hit the coast and {} people were hurt, officials said. \
                     About {},000 homes lost power at {}:00 on Tuesday. The storm moved north.",
                    i % 50,
                    i % 40,
                    i % 24
                ),
            })
        })
        .collect();
    let line = serde_json::json!({"id": "storm", "documents": documents, "summaries": []});
    let path = write(dir.path(), "storm.jsonl", format!("{line}\n").as_bytes());
    let output = chorus_capped(&["summarize", "--format", "html", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = stdout(&output);
    // Each source is listed with what was read of it; the grid is not
    // 20,000 rows long.
    assert!(page.len() < 40_000_000, "{} bytes", page.len());
    assert!(
        page.contains("the grid shows the first 50 of the story"),
        "no note on the grid"
    );
    assert_eq!(page.matches("<tr><th><a href=").count(), 50);
    let report = summarized(&path);
    let story = &report["stories"][0];
    assert_eq!(story["documents"].as_array().map(Vec::len), Some(20_000));
    assert!(
        notes(story).iter().any(|n| n
            .starts_with("the story's 20,000 documents hold 60,000 sentences")
            && n.ends_with(
                "were read, each document's first sentences in turn (--max-story-sentences)"
            )),
        "{:?}",
        notes(story)
    );
    let read: u64 = report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["sentences"].as_u64())
        .sum();
    assert_eq!(read, 2_500);
}

#[test]
fn thousands_of_tiny_files_make_no_invented_facts() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..2_000 {
        write(
            dir.path(),
            &format!("note-{i:05}.txt"),
            format!(
                "Note {i}\n\nThe tiny file number {i} was written today. There were 12 today.\n"
            )
            .as_bytes(),
        );
    }
    let report = summarized(dir.path());
    for story in report["stories"].as_array().expect("stories") {
        for fact in story["facts"].as_array().expect("facts") {
            for claim in fact["claims"].as_array().expect("claims") {
                assert_ne!(claim["unit"], "today", "{fact}");
            }
        }
    }
    // Stored, the story's line in the list names a few of its sources, not
    // every file (it was every id on one line).
    let store = tempfile::tempdir().expect("temp dir");
    let db = store.path().join("chorus.db");
    let db = db.to_str().unwrap();
    let ingested = chorus_capped(&["ingest", dir.path().to_str().unwrap(), "--db", db]);
    assert!(ingested.status.success(), "{}", stderr(&ingested));
    let listed = chorus_capped(&["stories", "--db", db]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let listed = stdout(&listed);
    assert!(listed.lines().all(|line| line.len() < 400), "{listed}");
    assert!(listed.contains(" more\n"), "{listed}");
}

#[test]
fn tables_of_figures_make_no_invented_conflicts_and_are_named_in_a_note() {
    // Two reports of one league round listing every club's record, one
    // sentence per club; the lists differ row by row (one was updated after
    // a late game), and the long one (600 rows) must stay within the caps.
    let dir = tempfile::tempdir().expect("temp dir");
    let rows = |count: usize, shift: usize| -> String {
        (0..count)
            .map(|r| {
                format!(
                    "Club{r} won {} games, drew {}, lost {} and scored {} goals in {} matches. ",
                    7 + r % 3 + shift,
                    r % 5,
                    2 + r % 4,
                    10 + r % 9 + shift,
                    20 + r % 6 + shift
                )
            })
            .collect()
    };
    for (name, count, shift) in [("north", 30, 0), ("south", 600, 1)] {
        let text = format!(
            "League round ends with a late winner\n\nThe league round ended on Sunday with a late winner in the capital, officials said.\n\n{}",
            rows(count, shift)
        );
        write(dir.path(), &format!("{name}.txt"), text.as_bytes());
    }
    let report = summarized(dir.path());
    let stories = report["stories"].as_array().expect("stories");
    for story in stories {
        for fact in story["facts"].as_array().expect("facts") {
            assert_ne!(fact["status"], "conflict", "{fact}");
        }
    }
    let all: Vec<&str> = stories.iter().flat_map(notes).collect();
    for name in ["north", "south"] {
        assert!(
            all.iter()
                .any(|n| n.starts_with(&format!("{name}: too dense in figures to compare"))),
            "{all:?}"
        );
    }
}
