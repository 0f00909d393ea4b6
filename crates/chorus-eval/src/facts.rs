//! How well the compare stage finds conflicts and groups quotes, against
//! hand labels.
//!
//! A label file holds one line per labelled cluster: its id, every
//! conflict a careful reader finds (two sides, each a list of
//! `[document index, claim as written]`), and every quote carried by two
//! or more documents (a list of `[document index, quote as written]`).
//! The articles themselves stay in the data file. A line may also list
//! updates: figures that changed over time across dated reports, in the
//! shape of a conflict (side `a` the earlier value, `b` the later).
//!
//! Conflicts are scored per row of the facts table: a conflict chorus
//! reports is right when it holds a claim from each side of one labelled
//! conflict; a labelled conflict is found when some reported conflict is
//! right about it. Updates are scored the same way against the rows
//! chorus marks updated; a labelled update reported as a conflict is a
//! wrong conflict (and a missed update). Quotes are scored per link: two documents' wordings
//! that chorus puts in one quote group, against the labelled groups.

use serde::{Deserialize, Serialize};

use chorus::Pipeline;
use chorus::compare::Comparison;
use chorus::model::{Claim, Fact, FactStatus, StoryInput};
use chorus::prepare::Story;

/// A claim or quote as labelled: document index in the cluster, text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span(pub usize, pub String);

/// One labelled conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelledConflict {
    /// What is counted or dated, for the reader of the label file.
    pub about: String,
    /// Claims on one side.
    pub a: Vec<Span>,
    /// Claims on the other, incompatible with every claim on side `a`.
    pub b: Vec<Span>,
}

/// The labels of one cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterLabels {
    /// Cluster id in the data file.
    pub cluster: String,
    /// Every conflict in the cluster.
    #[serde(default)]
    pub conflicts: Vec<LabelledConflict>,
    /// Every figure that changed over time across dated reports: side `a`
    /// the earlier value, `b` the later.
    #[serde(default)]
    pub updates: Vec<LabelledConflict>,
    /// Every quote found in two or more documents, as one group each;
    /// absent when the cluster's quotes were not labelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Vec<Span>>>,
}

/// Precision and recall counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Reported items that are right.
    pub correct: usize,
    /// Items reported.
    pub reported: usize,
    /// Labelled items found.
    pub found: usize,
    /// Items labelled.
    pub labelled: usize,
}

impl Counts {
    /// Share of reported items that are right (1 when none is reported).
    pub fn precision(&self) -> f64 {
        if self.reported == 0 {
            1.0
        } else {
            self.correct as f64 / self.reported as f64
        }
    }

    /// Share of labelled items found (1 when none is labelled).
    pub fn recall(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.found as f64 / self.labelled as f64
        }
    }

    fn add(&mut self, other: Counts) {
        self.correct += other.correct;
        self.reported += other.reported;
        self.found += other.found;
        self.labelled += other.labelled;
    }
}

/// What went wrong in one cluster, for the reader of the results.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClusterResult {
    /// Cluster id.
    pub cluster: String,
    /// Conflict counts.
    pub conflicts: Counts,
    /// Update counts.
    pub updates: Counts,
    /// Quote-link counts.
    pub quotes: Counts,
    /// Reported conflicts that match no label ("about: claim · claim").
    pub wrong_conflicts: Vec<String>,
    /// Labelled conflicts not reported.
    pub missed_conflicts: Vec<String>,
    /// Reported updates that match no label.
    pub wrong_updates: Vec<String>,
    /// Labelled updates not reported.
    pub missed_updates: Vec<String>,
    /// Quote links reported that match no label.
    pub wrong_quotes: Vec<String>,
    /// Labelled quote links not reported.
    pub missed_quotes: Vec<String>,
}

/// Results over every labelled cluster.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FactsEvaluation {
    /// Clusters scored.
    pub clusters: usize,
    /// Conflict detection.
    pub conflicts: Counts,
    /// Update detection.
    pub updates: Counts,
    /// Quote grouping.
    pub quotes: Counts,
    /// Per cluster.
    pub per_cluster: Vec<ClusterResult>,
    /// Labelled clusters missing from the data.
    pub missing: Vec<String>,
}

/// Lower-case words of a text, digits without separators: "2,400 texts"
/// → ["2400", "texts"].
fn words(text: &str) -> Vec<String> {
    text.replace(',', "")
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `short`'s words appear, in order and together, in `long`.
fn contains_words(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// Whether a labelled claim text names the same claim as one of chorus's
/// wordings: either contains the other.
fn same_claim(written: &str, labelled: &str) -> bool {
    let (a, b) = (words(written), words(labelled));
    contains_words(&a, &b) || contains_words(&b, &a)
}

/// Whether two quote wordings are the same text: most of the shorter's
/// words are in the longer.
fn same_quote_text(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.is_empty() {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 5 >= short.len() * 3
}

/// Scores the compare stage on `stories` against `labels`.
pub fn evaluate(stories: Vec<StoryInput>, labels: &[ClusterLabels]) -> FactsEvaluation {
    let mut result = FactsEvaluation::default();
    let mut pipeline = Pipeline::new();
    let mut by_id: rustc_hash::FxHashMap<String, StoryInput> =
        stories.into_iter().map(|s| (s.id.clone(), s)).collect();
    for label in labels {
        let Some(input) = by_id.remove(&label.cluster) else {
            result.missing.push(label.cluster.clone());
            continue;
        };
        let story = pipeline.prepare(input);
        let cluster = score_cluster(&story, pipeline.compare(&story), label);
        result.conflicts.add(cluster.conflicts);
        result.updates.add(cluster.updates);
        result.quotes.add(cluster.quotes);
        result.clusters += 1;
        result.per_cluster.push(cluster);
    }
    result
}

/// Two documents' wordings of one quote: (document index, text) each.
type Link<'a> = ((usize, &'a str), (usize, &'a str));

fn score_cluster(story: &Story, comparison: Comparison, label: &ClusterLabels) -> ClusterResult {
    let ids: Vec<&str> = story.documents.iter().map(|d| d.id()).collect();
    let mut out = ClusterResult {
        cluster: label.cluster.clone(),
        ..ClusterResult::default()
    };
    // Conflicts and updates, per reported row.
    let rows = |status: FactStatus| -> Vec<&Fact> {
        comparison
            .facts
            .iter()
            .filter(|f| f.status == status)
            .collect()
    };
    let (conflicts, wrong, missed) =
        score_rows(&rows(FactStatus::Conflict), &label.conflicts, &ids);
    (out.conflicts, out.wrong_conflicts, out.missed_conflicts) = (conflicts, wrong, missed);
    let (updates, wrong, missed) = score_rows(&rows(FactStatus::Updated), &label.updates, &ids);
    (out.updates, out.wrong_updates, out.missed_updates) = (updates, wrong, missed);
    // Quotes, per link between two documents' wordings.
    let mut links: Vec<Link> = Vec::new();
    for said in &comparison.quote_wordings {
        for (n, a) in said.iter().enumerate() {
            for b in &said[n + 1..] {
                let link = ((a.0, a.1.as_str()), (b.0, b.1.as_str()));
                // One link per pair of documents and wordings.
                if a.0 != b.0 && !links.contains(&link) {
                    links.push(link);
                }
            }
        }
    }
    let Some(quote_labels) = &label.quotes else {
        return out;
    };
    let labelled_links: Vec<(&Span, &Span)> = quote_labels
        .iter()
        .flat_map(|group| {
            group.iter().enumerate().flat_map(move |(n, a)| {
                group[n + 1..]
                    .iter()
                    .filter(move |b| b.0 != a.0)
                    .map(move |b| (a, b))
            })
        })
        .collect();
    let link_matches = |link: &Link, gold: &(&Span, &Span)| {
        let ends = |x: (usize, &str), s: &Span| x.0 == s.0 && same_quote_text(x.1, &s.1);
        (ends(link.0, gold.0) && ends(link.1, gold.1))
            || (ends(link.0, gold.1) && ends(link.1, gold.0))
    };
    out.quotes.reported = links.len();
    out.quotes.labelled = labelled_links.len();
    for link in &links {
        if labelled_links.iter().any(|g| link_matches(link, g)) {
            out.quotes.correct += 1;
        } else {
            out.wrong_quotes.push(format!(
                "d{} \"{}\" ~ d{} \"{}\"",
                link.0.0, link.0.1, link.1.0, link.1.1
            ));
        }
    }
    for gold in &labelled_links {
        if links.iter().any(|l| link_matches(l, gold)) {
            out.quotes.found += 1;
        } else {
            out.missed_quotes.push(format!(
                "d{} \"{}\" ~ d{} \"{}\"",
                gold.0.0, gold.0.1, gold.1.0, gold.1.1
            ));
        }
    }
    out
}

/// Whether a claim chorus reports is the labelled `span`: made by the
/// span's document, in words that contain or are contained in the span's.
fn claim_matches(claim: &Claim, span: &Span, ids: &[&str]) -> bool {
    ids.get(span.0)
        .is_some_and(|id| claim.sources.iter().any(|s| s == id))
        && std::iter::once(&claim.text)
            .chain(&claim.also_written)
            .any(|w| same_claim(w, &span.1))
}

/// Whether a reported row holds a claim from each side of a labelled
/// conflict or update.
fn row_matches(fact: &Fact, label: &LabelledConflict, ids: &[&str]) -> bool {
    fact.claims.iter().enumerate().any(|(i, x)| {
        fact.claims.iter().enumerate().any(|(j, y)| {
            i != j
                && label.a.iter().any(|s| claim_matches(x, s, ids))
                && label.b.iter().any(|s| claim_matches(y, s, ids))
        })
    })
}

/// Scores reported rows of one status against the labelled ones: counts,
/// the reported rows that match no label ("about: claim · claim") and the
/// labels no row matches.
fn score_rows(
    reported: &[&Fact],
    labelled: &[LabelledConflict],
    ids: &[&str],
) -> (Counts, Vec<String>, Vec<String>) {
    let mut counts = Counts {
        reported: reported.len(),
        labelled: labelled.len(),
        ..Counts::default()
    };
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    for fact in reported {
        if labelled.iter().any(|l| row_matches(fact, l, ids)) {
            counts.correct += 1;
        } else {
            let claims: Vec<String> = fact
                .claims
                .iter()
                .map(|c| format!("{} {:?}", c.text, c.sources))
                .collect();
            wrong.push(format!("{}: {}", fact.about, claims.join(" · ")));
        }
    }
    for label in labelled {
        if reported.iter().any(|f| row_matches(f, label, ids)) {
            counts.found += 1;
        } else {
            missed.push(label.about.clone());
        }
    }
    (counts, wrong, missed)
}

/// Reads a label file: one JSON object per line; blank lines skipped.
pub fn read_labels(text: &str, name: &str) -> Result<Vec<ClusterLabels>, LabelsError> {
    read_lines(text, name)
}

/// Reads JSON lines of any label shape, naming the line that fails.
pub(crate) fn read_lines<T: serde::de::DeserializeOwned>(
    text: &str,
    name: &str,
) -> Result<Vec<T>, LabelsError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|problem| LabelsError {
                file: name.to_string(),
                line: n + 1,
                problem,
            })
        })
        .collect()
}

/// A line of a label file that is not a labelled cluster.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct LabelsError {
    /// The label file.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it (the message says it; it is not a separate
    /// cause).
    pub problem: serde_json::Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_match_by_words() {
        assert!(same_claim("some 2,400 texts", "2,400"));
        assert!(same_claim("28", "Geraldine Alcorn, 28"));
        assert!(!same_claim("280 people", "28"));
        assert!(same_quote_text(
            "We will not accept a solution imposed from outside",
            "we will not accept a solution imposed from outside,"
        ));
        assert!(!same_quote_text(
            "frank and useful",
            "We will not accept it"
        ));
    }

    fn claim(text: &str, source: &str) -> Claim {
        Claim {
            value: 0.0,
            high: None,
            unit: None,
            bound: chorus::model::Bound::Exact,
            text: text.to_string(),
            also_written: Vec::new(),
            resolved: None,
            sources: vec![source.to_string()],
        }
    }

    fn row(status: FactStatus, claims: Vec<Claim>) -> Fact {
        Fact {
            kind: chorus::model::FactKind::Quantity,
            about: "people killed".into(),
            status,
            claims,
        }
    }

    #[test]
    fn updates_are_scored_apart_from_conflicts() {
        let line = r#"{"cluster": "c", "conflicts": [],
            "updates": [{"about": "toll", "a": [[0, "100 dead"]], "b": [[1, "toll rose to 300"]]}]}"#;
        let labels = read_labels(&line.replace('\n', " "), "l").unwrap();
        let ids = ["d0", "d1"];
        let update = row(
            FactStatus::Updated,
            vec![claim("100", "d0"), claim("300", "d1")],
        );
        let (counts, wrong, missed) = score_rows(&[&update], &labels[0].updates, &ids);
        assert_eq!((counts.correct, counts.found), (1, 1));
        assert!(wrong.is_empty() && missed.is_empty());
        // The same row called a conflict is a wrong conflict and a missed
        // update.
        let conflict = row(FactStatus::Conflict, update.claims.clone());
        let (counts, wrong, _) = score_rows(&[&conflict], &labels[0].conflicts, &ids);
        assert_eq!((counts.correct, counts.reported, wrong.len()), (0, 1, 1));
        let (counts, _, missed) = score_rows(&[], &labels[0].updates, &ids);
        assert_eq!((counts.found, counts.labelled, missed.len()), (0, 1, 1));
        // A claim by another document than the labelled one does not match.
        let elsewhere = row(
            FactStatus::Updated,
            vec![claim("100", "d1"), claim("300", "d1")],
        );
        let (counts, ..) = score_rows(&[&elsewhere], &labels[0].updates, &ids);
        assert_eq!(counts.correct, 0);
    }

    #[test]
    fn label_lines_name_their_line() {
        let text = "{\"cluster\": \"a\", \"conflicts\": [], \"quotes\": []}\n\nnot json\n";
        let error = read_labels(text, "labels.jsonl").unwrap_err();
        assert_eq!((error.file.as_str(), error.line), ("labels.jsonl", 3));
        assert!(error.to_string().starts_with("labels.jsonl:3:"), "{error}");
    }
}
