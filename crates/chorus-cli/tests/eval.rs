//! `chorus eval`, `eval-cluster` and `eval-facts` on small hermetic data.

use crate::util::*;

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

#[test]
fn eval_cluster_prints_the_peer_beside_chorus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = |id: &str, text: &str| {
        serde_json::json!({"id": id, "documents": [{"text": text}, {"text": text}]}).to_string()
    };
    let data = write(
        dir.path(),
        "gold.jsonl",
        format!(
            "{}\n{}\n",
            line("floods", "The Serin River flooded the valley."),
            line("vote", "The ruling party lost its majority.")
        )
        .as_bytes(),
    );
    // A peer that prints what cluster_peer.py prints, and one that fails;
    // run by sh so that the test needs no Python.
    let peer = write(
        dir.path(),
        "peer.sh",
        b"echo \"sklearn tfidf+average-link  distance<0.80: P 0.874 R 0.896 F1 0.885 (60 stories)\"\n\
          echo \"4 articles; best threshold 0.8: BCubed P 0.874 R 0.896 F1 0.885 (1.0s for all thresholds)\"\n",
    );
    let broken = write(
        dir.path(),
        "broken.sh",
        b"echo 'no module named sklearn' >&2; exit 1\n",
    );
    let args = |peer: &std::path::Path, json: bool| {
        let mut args = vec![
            "eval-cluster".to_string(),
            "--data".to_string(),
            data.to_string_lossy().to_string(),
            "--peer".to_string(),
            peer.to_string_lossy().to_string(),
            "--peer-python".to_string(),
            "sh".to_string(),
        ];
        if json {
            args.push("--json".to_string());
        }
        args
    };
    let run = |args: Vec<String>| chorus(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let text = run(args(&peer, false));
    assert!(text.status.success(), "{}", stderr(&text));
    let printed = stdout(&text);
    assert!(printed.contains("F1 1.0000"), "{printed}");
    assert!(
        printed.contains(
            "at its best threshold (0.8): BCubed precision 0.8740  recall 0.8960  F1 0.8850"
        ),
        "{printed}"
    );
    let json = json_of(&run(args(&peer, true)));
    assert_eq!(json["peer"]["bcubed_f1"], 0.885);
    assert_eq!(json["scores"]["bcubed_f1"], 1.0);
    // A peer that cannot run is an error that says why; chorus's figure
    // is printed all the same.
    let failed = run(args(&broken, false));
    assert!(!failed.status.success());
    assert!(stdout(&failed).contains("F1 1.0000"));
    assert!(
        stderr(&failed).contains("no module named sklearn"),
        "{}",
        stderr(&failed)
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
fn eval_dates_scores_chorus_and_a_peer_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Two articles (the first written for this test); offsets in characters.
    let gold = write(
        dir.path(),
        "gold.jsonl",
        concat!(
            r#"{"id":"a","dct":"1998-08-09","text":"Café owners met Friday and talked for three days.","timexes":[{"start":16,"end":22,"text":"Friday","type":"DATE","value":"1998-08-07"},{"start":38,"end":48,"text":"three days","type":"DURATION","value":"P3D"}]}"#,
            "\n",
            r#"{"id":"b","dct":"1989-10-26","text":"Third-quarter profit rose.","timexes":[{"start":0,"end":13,"text":"Third-quarter","type":"DATE","value":"1989-Q3"}]}"#,
            "\n"
        )
        .as_bytes(),
    );
    // A peer that found "Friday" only, with a wrong value.
    let peer = write(
        dir.path(),
        "peer.jsonl",
        br#"{"id":"a","mentions":[{"kind":"date","start":16,"end":22,"text":"Friday","value":"1998-08-14"}]}
"#,
    );
    let out = dir.path().join("chorus.jsonl");
    let output = chorus(&[
        "eval-dates",
        "--data",
        gold.to_str().expect("utf-8"),
        "--peer",
        peer.to_str().expect("utf-8"),
        "--peer-name",
        "tagger",
        "--out",
        out.to_str().expect("utf-8"),
        "--json",
    ]);
    let result = json_of(&output);
    let systems = result["systems"].as_array().expect("systems");
    assert_eq!(systems[0]["system"], "chorus");
    assert_eq!(systems[0]["scores"]["gold"], 3);
    assert_eq!(systems[0]["scores"]["value"]["recall"], 100.0);
    assert_eq!(systems[1]["system"], "tagger");
    assert_eq!(systems[1]["scores"]["found"], 1);
    assert_eq!(systems[1]["scores"]["value"]["f1"], 0.0);
    let relaxed = systems[1]["scores"]["relaxed"]["recall"]
        .as_f64()
        .expect("recall");
    assert!((relaxed - 100.0 / 3.0).abs() < 1e-9);
    // The extraction written is what `chorus extract` prints.
    let written = std::fs::read_to_string(&out).expect("extraction written");
    assert_eq!(written.lines().count(), 2);
    let text = chorus(&["eval-dates", "--data", gold.to_str().expect("utf-8")]);
    assert!(
        stdout(&text).starts_with("2 articles, 3 gold time expressions"),
        "{}",
        stdout(&text)
    );
    let bad = write(dir.path(), "bad.jsonl", b"{\"id\":\"x\"}\n");
    let output = chorus(&["eval-dates", "--data", bad.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("bad.jsonl:1: missing field"),
        "{}",
        stderr(&output)
    );
}
