//! Dates: TempEval-3 task A on TimeML articles — time expressions found
//! (relaxed and strict extraction) and normalised (value) — scored exactly
//! as `timeml_score.py` scores `chorus extract` output, so that chorus and
//! a peer's output (HeidelTime's, in the same shape) are measured alike.
//!
//! A gold expression matches the first system mention not yet matched
//! whose span overlaps it (relaxed); strict also needs equal spans; value
//! needs the TimeML value to be equal. Precision is over the system's
//! temporal mentions (dates, times, durations, sets) in the gold articles,
//! recall over the gold expressions.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use chorus::extract::{Extraction, Value};
use chorus::{Article, extract};

/// One gold time expression.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldTimex {
    /// First character (code point).
    pub start: usize,
    /// Character just past it.
    pub end: usize,
    /// As written.
    #[serde(default)]
    pub text: String,
    /// TimeML type: DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// TimeML value.
    pub value: Option<String>,
}

/// One gold article: `{"id", "dct", "text", "timexes": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldArticle {
    /// Article id.
    pub id: String,
    /// Creation date, which relative expressions are read against.
    pub dct: String,
    /// The text the offsets index.
    pub text: String,
    /// Its time expressions.
    pub timexes: Vec<GoldTimex>,
}

/// A line of a gold or system file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct DatesFileError {
    /// The file.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub problem: serde_json::Error,
}

fn read_lines<T: for<'de> Deserialize<'de>>(
    text: &str,
    name: &str,
) -> Result<Vec<T>, DatesFileError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|problem| DatesFileError {
                file: name.to_string(),
                line: n + 1,
                problem,
            })
        })
        .collect()
}

/// Reads a gold file: one article per line; blank lines skipped.
pub fn read_gold(text: &str, name: &str) -> Result<Vec<GoldArticle>, DatesFileError> {
    read_lines(text, name)
}

/// One mention of a system's output, as `chorus extract` prints it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SystemMention {
    /// "date", "time", "duration", "set" (others are not scored).
    pub kind: String,
    /// First character.
    pub start: usize,
    /// Character just past it.
    pub end: usize,
    /// Its value, when it has one.
    #[serde(default)]
    pub value: Option<serde_json::Value>,
}

/// One article of a system's output.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SystemArticle {
    /// Article id.
    pub id: String,
    /// Its mentions.
    #[serde(default)]
    pub mentions: Vec<SystemMention>,
}

/// Reads a system's output (`chorus extract` JSON lines, or a peer's in
/// the same shape).
pub fn read_system(text: &str, name: &str) -> Result<Vec<SystemArticle>, DatesFileError> {
    read_lines(text, name)
}

impl From<&Extraction> for SystemArticle {
    fn from(extraction: &Extraction) -> SystemArticle {
        SystemArticle {
            id: extraction.id.clone(),
            mentions: extraction
                .mentions
                .iter()
                .map(|m| SystemMention {
                    kind: serde_json::to_value(m.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    start: m.start,
                    end: m.end,
                    value: m.value.as_ref().map(|v| match v {
                        Value::Text(t) => serde_json::Value::String(t.clone()),
                        Value::Number(n) => serde_json::json!(n),
                    }),
                })
                .collect(),
        }
    }
}

/// Precision, recall and F1, ×100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
}

impl Prf {
    fn of(right_system: usize, system: usize, right_gold: usize, gold: usize) -> Prf {
        let p = right_system as f64 / system.max(1) as f64;
        let r = right_gold as f64 / gold.max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            precision: 100.0 * p,
            recall: 100.0 * r,
            f1: 100.0 * f1,
        }
    }
}

/// How one TimeML type fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeScore {
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    /// Gold expressions of the type.
    pub gold: usize,
    /// Of them, found with the right value.
    pub value_right: usize,
}

/// A system's scores on a gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateScores {
    /// Gold articles.
    pub articles: usize,
    /// Gold expressions.
    pub gold: usize,
    /// The system's temporal mentions in the gold articles.
    pub found: usize,
    /// Spans overlap.
    pub relaxed: Prf,
    /// Spans equal.
    pub strict: Prf,
    /// Matched and the value equal.
    pub value: Prf,
    /// By TimeML type, in alphabetical order.
    pub by_type: Vec<TypeScore>,
}

const TEMPORAL: [&str; 4] = ["date", "time", "duration", "set"];

/// A value as `timeml_score.py` compares it: as a string, JSON null as
/// Python's "None".
fn value_text(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => "None".to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Scores `system` against `gold`.
pub fn score(gold: &[GoldArticle], system: &[SystemArticle]) -> DateScores {
    let by_id: std::collections::HashMap<&str, &SystemArticle> =
        system.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut found = 0;
    let mut gold_count = 0;
    let (mut relaxed, mut strict, mut value_right) = (0, 0, 0);
    let mut types: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for article in gold {
        let mentions: Vec<&SystemMention> = by_id
            .get(article.id.as_str())
            .map(|a| {
                a.mentions
                    .iter()
                    .filter(|m| TEMPORAL.contains(&m.kind.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        found += mentions.len();
        gold_count += article.timexes.len();
        let mut used = vec![false; mentions.len()];
        for timex in &article.timexes {
            let entry = types.entry(timex.kind.as_str()).or_default();
            entry.0 += 1;
            let hit = (0..mentions.len()).find(|&i| {
                !used[i] && mentions[i].start < timex.end && timex.start < mentions[i].end
            });
            let Some(i) = hit else {
                continue;
            };
            used[i] = true;
            relaxed += 1;
            let m = mentions[i];
            strict += usize::from((m.start, m.end) == (timex.start, timex.end));
            let gold_value = timex.value.clone().unwrap_or_else(|| "None".to_string());
            let right = value_text(m.value.as_ref()) == gold_value;
            value_right += usize::from(right);
            entry.1 += usize::from(right);
        }
    }
    DateScores {
        articles: gold.len(),
        gold: gold_count,
        found,
        relaxed: Prf::of(relaxed, found, relaxed, gold_count),
        strict: Prf::of(strict, found, strict, gold_count),
        value: Prf::of(value_right, found, value_right, gold_count),
        by_type: types
            .into_iter()
            .map(|(kind, (gold, value_right))| TypeScore {
                kind: kind.to_string(),
                gold,
                value_right,
            })
            .collect(),
    }
}

/// chorus's extraction of every gold article, read against its creation
/// date, and how many articles a second it ran at (one core).
pub fn extract_gold(gold: &[GoldArticle]) -> (Vec<Extraction>, f64) {
    let articles: Vec<Article> = gold
        .iter()
        .map(|g| Article::new(&g.id, &g.text).date(&g.dct))
        .collect();
    let start = Instant::now();
    let extractions: Vec<Extraction> = articles.iter().map(|a| extract(a, None)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let rate = gold.len() as f64 / seconds.max(1e-9);
    (extractions, rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold() -> Vec<GoldArticle> {
        read_gold(
            r#"{"id":"a","dct":"1998-08-09","text":"They met Friday for three days.","timexes":[{"start":9,"end":15,"text":"Friday","type":"DATE","value":"1998-08-07"},{"start":20,"end":30,"text":"three days","type":"DURATION","value":"P3D"}]}"#,
            "gold.jsonl",
        )
        .unwrap_or_default()
    }

    #[test]
    fn scored_as_the_python_scorer_scores() {
        let system = read_system(
            r#"{"id":"a","mentions":[{"kind":"date","start":9,"end":15,"value":"1998-08-07"},{"kind":"duration","start":16,"end":30,"value":"P2D"},{"kind":"entity","start":0,"end":4},{"kind":"set","start":0,"end":4,"value":"P1D"}]}"#,
            "system.jsonl",
        )
        .unwrap_or_default();
        let scores = score(&gold(), &system);
        assert_eq!((scores.gold, scores.found), (2, 3));
        // Both gold expressions overlap a mention; one span is equal, one
        // value right.
        assert!((scores.relaxed.recall - 100.0).abs() < 1e-9);
        assert!((scores.relaxed.precision - 200.0 / 3.0).abs() < 1e-9);
        assert!((scores.strict.recall - 50.0).abs() < 1e-9);
        assert!((scores.value.precision - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(scores.by_type[0].kind, "DATE");
        assert_eq!(scores.by_type[0].value_right, 1);
    }

    #[test]
    fn chorus_finds_and_resolves_the_gold() {
        let gold = gold();
        let (extractions, _) = extract_gold(&gold);
        let system: Vec<SystemArticle> = extractions.iter().map(SystemArticle::from).collect();
        let scores = score(&gold, &system);
        assert!((scores.value.f1 - 100.0).abs() < 1e-9, "{scores:?}");
    }

    #[test]
    fn a_bad_line_is_named() {
        let error = read_gold("{\"id\":1}\n", "gold.jsonl")
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.starts_with("gold.jsonl:1: ")));
    }
}
