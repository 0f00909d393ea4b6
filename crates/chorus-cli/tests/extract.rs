//! `chorus extract`: every article's mentions, with offsets into its text.

use crate::util::*;

/// The JSON lines printed, one per article.
fn lines_of(output: &std::process::Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The mention of `kind` written `text` in an extraction.
fn mention<'a>(extraction: &'a serde_json::Value, kind: &str, text: &str) -> &'a serde_json::Value {
    extraction["mentions"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["kind"] == kind && m["text"] == text))
        .unwrap_or_else(|| panic!("no {kind} {text:?} in {extraction}"))
}

#[test]
fn one_line_per_article_with_timeml_values() {
    let output = chorus(&["extract", "examples/reports"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = lines_of(&output);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        ids,
        [
            "arab-herald",
            "briefly-news",
            "gulf-observer",
            "lahore-daily",
            "northern-courier",
            "valley-times",
            "wire-global"
        ]
    );
    // The dated report reads "Wednesday" against its date; the others have
    // none and say so.
    let courier = &lines[4];
    assert_eq!(courier["date"], "2023-03-16");
    assert_eq!(mention(courier, "date", "Wednesday")["value"], "2023-03-15");
    assert_eq!(
        mention(courier, "duration", "more than three hours")["value"],
        "PT3H"
    );
    assert_eq!(
        mention(courier, "duration", "more than three hours")["mod"],
        "MORE_THAN"
    );
    let herald = &lines[0];
    assert!(herald.get("date").is_none());
    let wednesday = mention(herald, "date", "Wednesday");
    assert!(wednesday.get("value").is_none());
    assert_eq!(wednesday["note"], "no publication date to read it against");
    assert_eq!(mention(&lines[6], "date", "1994")["value"], "1994");

    let lahore = &lines[3];
    let crore = mention(lahore, "quantity", "Rs 1,200 crore");
    assert_eq!(crore["value"], 1.2e10);
    assert_eq!(crore["unit"], "INR");
    let quote = mention(
        lahore,
        "quote",
        "We shall not agree to any settlement imposed by outsiders.",
    );
    assert_eq!(quote["speaker"], "Karim Nasser");
    let nasser = mention(lahore, "entity", "Karim Nasser");
    assert_eq!(nasser["entity"], "person");
}

#[test]
fn offsets_are_characters_of_the_text_as_given() {
    let text = "Türkiye 🇹🇷 said on Friday that ₹1,200 crore 😀 was paid.\n\n“We will pay,” said Hakan Demir on 15 March.";
    let line = serde_json::json!({"id": "t", "text": text, "date": "2023-03-18"});
    let output = chorus_with_stdin(&["extract", "-"], &format!("{line}\n"));
    assert!(output.status.success(), "{}", stderr(&output));
    let chars: Vec<char> = text.chars().collect();
    let extraction = &lines_of(&output)[0];
    let mentions = extraction["mentions"].as_array().expect("mentions");
    assert!(mentions.len() >= 5, "{extraction}");
    for m in mentions {
        let (start, end) = (
            m["start"].as_u64().expect("start") as usize,
            m["end"].as_u64().expect("end") as usize,
        );
        assert!(start <= end && end <= chars.len(), "{m}");
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, m["text"].as_str().expect("text"), "{m}");
    }
    assert_eq!(mention(extraction, "date", "Friday")["value"], "2023-03-17");
    assert_eq!(
        mention(extraction, "date", "15 March")["value"],
        "2023-03-15"
    );
    assert_eq!(
        mention(extraction, "quantity", "₹1,200 crore")["value"],
        1.2e10
    );
}

#[test]
fn impossible_dates_are_not_resolved_and_say_so() {
    let line = serde_json::json!({
        "id": "x",
        "text": "It was signed on 31 February, due on the 45th of May, in the year 99999.",
        "date": "2023-03-18"
    });
    let output = chorus_with_stdin(&["extract", "-", "--format", "json"], &format!("{line}\n"));
    let list = json_of(&output);
    let dates: Vec<&serde_json::Value> = list[0]["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter(|m| m["kind"] == "date")
        .collect();
    assert_eq!(dates.len(), 3, "{list}");
    for m in dates {
        assert!(m.get("value").is_none(), "{m}");
        assert_eq!(m["note"], "not a date on the calendar: left unresolved");
    }
}

#[test]
fn text_output_reads_one_mention_a_line() {
    let output = chorus(&[
        "extract",
        "examples/reports/northern-courier.jsonl",
        "--format",
        "text",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("northern-courier (read against 2023-03-16)\n"),
        "{text}"
    );
    assert!(
        text.contains(" date      Wednesday = 2023-03-15\n"),
        "{text}"
    );
}

#[test]
fn bad_input_is_named_and_the_rest_is_extracted() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", BODY.as_bytes());
    write(dir.path(), "empty.txt", b"  \n\n");
    write(dir.path(), "binary.txt", b"\x7fELF\x02\x01\x00\x00binary");
    write(
        dir.path(),
        "feed.jsonl",
        b"{\"id\":\"j1\",\"text\":\"The mayor spoke on Friday.\",\"date\":\"2024-05-06\"}\n{not json}\n",
    );
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("sparse file");
    let output = chorus(&["extract", dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit status 2 when any input failed"
    );
    let errors = stderr(&output);
    assert!(errors.contains("empty.txt: empty file"), "{errors}");
    assert!(errors.contains("binary.txt: binary file"), "{errors}");
    assert!(errors.contains("feed.jsonl:2: invalid JSON"), "{errors}");
    assert!(
        errors.contains("huge.txt: 200.0 MiB is over the limit"),
        "{errors}"
    );
    assert!(!errors.contains("panicked"));
    let ids: Vec<String> = lines_of(&output)
        .iter()
        .map(|l| l["id"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(ids, ["j1", "good"]);
    assert_eq!(lines_of(&output)[0]["mentions"][0]["value"], "2024-05-03");
}

#[test]
fn nothing_readable_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.txt", b"");
    let output = chorus(&["extract", empty.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no readable article in the input"));
}
