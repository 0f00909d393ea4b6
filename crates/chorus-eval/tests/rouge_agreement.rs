//! chorus's ROUGE against Google's rouge-score on committed fixtures
//! (made by `scripts/rouge_fixtures.py`): every score within 0.001 (0.1 on
//! the ×100 scale reports use).

use chorus::prepare::terms::Vocab;
use chorus_eval::rouge::{RougeScores, Score};

const FIXTURES: &str = include_str!("fixtures/rouge.jsonl");
const TOLERANCE: f64 = 1e-3;

fn expected(row: &serde_json::Value, key: &str) -> [f64; 3] {
    let values = row[key].as_array().expect("fixture has scores");
    let get = |i: usize| values[i].as_f64().expect("score is a number");
    [get(0), get(1), get(2)]
}

fn check(label: &str, ours: Score, theirs: [f64; 3], line: usize) {
    let ours = [ours.precision, ours.recall, ours.f1];
    for (name, (a, b)) in ["precision", "recall", "f1"]
        .iter()
        .zip(ours.iter().zip(theirs))
    {
        assert!(
            (a - b).abs() <= TOLERANCE,
            "line {line}: {label} {name}: chorus {a} vs rouge-score {b}"
        );
    }
}

#[test]
fn agrees_with_rouge_score() {
    let mut vocab = Vocab::new();
    let mut rows = 0;
    for (i, line) in FIXTURES.lines().enumerate() {
        let row: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
        let reference = vocab.terms(row["reference"].as_str().expect("reference"));
        let candidate = vocab.terms(row["candidate"].as_str().expect("candidate"));
        let scores = RougeScores::compute(&reference, &candidate);
        check("rouge1", scores.rouge1, expected(&row, "rouge1"), i + 1);
        check("rouge2", scores.rouge2, expected(&row, "rouge2"), i + 1);
        check("rougeL", scores.rouge_l, expected(&row, "rougeL"), i + 1);
        rows += 1;
    }
    assert!(rows >= 30, "only {rows} fixtures");
}
