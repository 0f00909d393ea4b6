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
