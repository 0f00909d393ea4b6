//! Bad input: each problem named with its file (and line), the rest still processed.

use crate::util::*;

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
