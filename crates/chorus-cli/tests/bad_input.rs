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

/// Named pipes, in a folder or named directly, and a device that never
/// ends: each named and passed over, the rest read, and no run waits.
#[cfg(unix)]
#[test]
fn special_files_are_named_and_skipped() {
    let limit = std::time::Duration::from_secs(30);
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("reports");
    std::fs::create_dir(&folder).expect("folder");
    write(&folder, "fine.txt", BODY.as_bytes());
    make_fifo(&folder.join("pipe.txt"));
    make_fifo(&folder.join("pipe"));
    let _socket =
        std::os::unix::net::UnixListener::bind(folder.join("socket.txt")).expect("socket");
    let direct = dir.path().join("direct.txt");
    make_fifo(&direct);
    let folder = folder.to_str().expect("utf-8 path");
    let direct = direct.to_str().expect("utf-8 path");
    let expect_named = |output: &std::process::Output| {
        assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
        let errors = stderr(output);
        for name in ["reports/pipe.txt", "reports/pipe", "direct.txt"] {
            assert!(
                errors.contains(&format!(
                    "{name}: a named pipe (FIFO), not a regular file; skipped"
                )),
                "{name} named: {errors}"
            );
        }
        assert!(
            errors.contains("/dev/zero: a character device, not a regular file; skipped"),
            "{errors}"
        );
        assert!(
            errors.contains("reports/socket.txt: a socket, not a regular file; skipped"),
            "{errors}"
        );
    };

    let args = ["summarize", folder, direct, "/dev/zero", "--format", "json"];
    let summarized = chorus_within(&args, limit);
    expect_named(&summarized);
    let report: serde_json::Value = serde_json::from_str(&stdout(&summarized)).expect("JSON");
    assert_eq!(ids_of(&report["documents"]), ["fine"]);
    assert_eq!(report["stories"][0]["summary"][0]["text"], BODY);

    let clustered = chorus_within(&["cluster", folder, direct, "/dev/zero"], limit);
    expect_named(&clustered);
    assert!(
        stdout(&clustered).starts_with("1 article, 1 story\n"),
        "{}",
        stdout(&clustered)
    );

    let db = dir.path().join("chorus.db");
    let db = db.to_str().expect("utf-8 path");
    let ingested = chorus_within(&["ingest", folder, direct, "/dev/zero", "--db", db], limit);
    expect_named(&ingested);
    assert!(
        stdout(&ingested).starts_with("1 added, 0 already stored; 1 new story, "),
        "{}",
        stdout(&ingested)
    );

    // stdin is still read when asked for by `-`.
    let piped = chorus_with_stdin(&["summarize", "-", "--format", "json"], BODY);
    assert!(piped.status.success(), "{}", stderr(&piped));
    assert!(stdout(&piped).contains("The city bridge reopened"));
}

/// Escape sequences and C0/C1 control characters in a text file, a JSONL
/// article and a web page: none reaches the terminal, the store or the
/// fact scanner, and each article's notes say what was removed.
#[test]
fn control_codes_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let padding = "Engineers inspected the cables, the deck and the piers twice before the \
                   opening, and the city council approved the final report in a short meeting. ";
    write(
        dir.path(),
        "wire.txt",
        format!(
            "Bridge \x1b[41mReopens\x1b[0m After Repairs\n\n\
             The city bridge reopened on Friday after two years of repairs, officials said.\x1b[2J \
             About 3,000 people crossed it in the first hour.\x1b]0;owned title\x07 \
             Shops near the \u{9b}41mriver stayed open late. {}\n",
            padding.repeat(4)
        )
        .as_bytes(),
    );
    write(
        dir.path(),
        "courier.jsonl",
        concat!(
            r#"{"id":"courier\u001b[2J","title":"Bridge \u001b[41mreopens","#,
            r#""text":"The city bridge reopened on Friday after repairs, officials said. About 3,000 people \u001b[41mcrossed it in the first hour.\u001b]0;owned\u0007","#,
            r#""source":"Courier\u001b]0;title\u0007","url":"https://example.org/\u009b1mbridge","date":"2023-03-17\u001b[K"}"#,
            "\n"
        )
        .as_bytes(),
    );
    write(
        dir.path(),
        "herald.html",
        format!(
            "<html><head><title>Bridge &#x1b;[41mreopens</title>\
             <meta property=\"og:site_name\" content=\"Herald&#x1b;]0;title&#x7;\"></head>\
             <body><article><p>The city bridge reopened on Friday after repairs, officials said.&#x1b;[2J \
             About 3,000 people crossed it in the first hour \u{9b}41m on the first day.</p>\
             <p>{}</p></article></body></html>",
            padding.repeat(3)
        )
        .as_bytes(),
    );
    let input = dir.path().to_str().expect("utf-8 path");

    let (output, report) = summarize_json(&[input]);
    assert!(output.status.success(), "{}", stderr(&output));
    let documents = report["documents"].as_array().expect("documents");
    assert_eq!(ids_of(&report["documents"]), ["courier", "herald", "wire"]);
    for document in documents {
        let notes = document["notes"].to_string();
        assert!(
            notes.contains("terminal control code"),
            "{}: {notes}",
            document["id"]
        );
    }
    assert_eq!(documents[0]["source"], "Courier");
    assert_eq!(documents[0]["date"], "2023-03-17");
    assert_eq!(documents[0]["url"], "https://example.org/bridge");
    assert_eq!(documents[2]["title"], "Bridge Reopens After Repairs");
    assert_eq!(terminal_controls(&report.to_string()), Vec::<char>::new());
    let facts = report["stories"][0]["facts"].to_string();
    assert!(
        !facts.contains("41"),
        "no fact from an escape code: {facts}"
    );

    for format in ["text", "md"] {
        for color in ["never", "always"] {
            let args = ["summarize", input, "--format", format, "--color", color];
            let output = chorus(&args);
            assert!(output.status.success(), "{}", stderr(&output));
            let printed = stdout(&output);
            let controls = terminal_controls(&printed);
            if color == "never" || format == "md" {
                assert_eq!(
                    controls,
                    Vec::<char>::new(),
                    "{format}, colour {color}: {printed:?}"
                );
            }
            let commands: Vec<&str> = printed
                .split('\x1b')
                .skip(1)
                .filter(|rest| {
                    let digits = rest.strip_prefix('[').unwrap_or("x");
                    !digits
                        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                        .starts_with('m')
                })
                .collect();
            assert_eq!(commands, Vec::<&str>::new(), "only colours: {printed:?}");
            assert!(!printed.contains("41 million"), "{printed}");
            // courier: id, title, 2 in the text, outlet, address, date;
            // herald: title, outlet, 2 in the text; wire: 2 in the
            // headline, 3 in the text.
            for removed in [7, 4, 5] {
                let note = format!("removed {removed} terminal control codes");
                assert!(printed.contains(&note), "{format}: {printed}");
            }
        }
    }

    let db = dir.path().join("chorus.db");
    let db = db.to_str().expect("utf-8 path");
    let ingested = chorus(&["ingest", input, "--db", db]);
    assert!(ingested.status.success(), "{}", stderr(&ingested));
    for args in [
        &["stories", "--db", db][..],
        &["stories", "--db", db, "--format", "md"],
        &["stories", "--db", db, "--story", "1"],
        &["stories", "--db", db, "--story", "1", "--format", "md"],
    ] {
        let output = chorus(args);
        assert!(output.status.success(), "{}", stderr(&output));
        let printed = stdout(&output);
        assert_eq!(
            terminal_controls(&printed),
            Vec::<char>::new(),
            "{args:?}: {printed:?}"
        );
        assert!(!printed.contains("41 million"), "{printed}");
        assert!(printed.contains("Bridge"), "{printed}");
    }
}

/// A file name is input too: one holding an escape sequence is written out
/// in the message that names it.
#[cfg(unix)]
#[test]
fn file_names_are_printed_safely() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "title\x1b]0;owned\x07.txt", b"");
    write(dir.path(), "fine.txt", BODY.as_bytes());
    let output = chorus(&["summarize", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert_eq!(terminal_controls(&errors), Vec::<char>::new(), "{errors:?}");
    assert!(
        errors.contains("title\\x1b]0;owned\\x07.txt: empty file"),
        "{errors}"
    );
}
