//! Sentence features and the linear model that weighs them.

use std::sync::LazyLock;

use super::Story;
use super::select::{CONCEPT_FEATURE_NAMES, ConceptFeatures, Objective};
use crate::prepare::index::PARAPHRASE_DICE;

/// Names of the features, in vector order (also the keys of the weights file).
pub const FEATURE_NAMES: [&str; 18] = [
    "bias",
    "lead",
    "first",
    "relative_position",
    "paragraph_lead",
    "length",
    "support",
    "cross_similarity",
    "term_coverage",
    "doc_centrality",
    "centrality",
    "lead_many_docs",
    "quote",
    "question",
    "short",
    "dangling",
    "digits",
    "second",
];

/// Words that, opening a sentence, point back to one the reader has not seen.
const DANGLING_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "this", "that", "these", "those", "but", "and", "so", "also",
    "however", "his", "her", "their", "its", "still", "yet", "then", "there",
];

/// Openers that tie a sentence to the one before it.
const CONNECTIVES: &[&str] = &[
    "but",
    "and",
    "or",
    "however",
    "also",
    "so",
    "yet",
    "still",
    "then",
    "meanwhile",
    "instead",
    "moreover",
    "nevertheless",
    "nonetheless",
    "furthermore",
    "thus",
    "therefore",
    "hence",
];

/// Edges lighter than this do not enter the centrality graph.
const CENTRALITY_MIN_DICE: f32 = 0.1;
/// Edges each sentence keeps in the centrality graph: its heaviest. The
/// graph then grows with the story's sentences, not with their pairs (a
/// story whose sentences are all alike would have every pair). No brief of
/// the evaluation data changes at 800 (or 600); at 400 one 150-word brief
/// of DUC 2006 did, at 200 eight of its 50 250-word ones (its stories hold
/// up to 1,257 sentences).
pub(crate) const CENTRALITY_NEIGHBOURS: usize = 800;
const DAMPING: f32 = 0.85;
const ITERATIONS: usize = 30;
/// Total change in rank below which PageRank has converged.
const CONVERGED: f32 = 1e-4;

/// One sentence's feature vector.
pub type Features = [f32; FEATURE_NAMES.len()];

/// The learned parts of the summarizer: the sentence scorer's weights, the
/// concept weights' model and how the selection objective combines them
/// (see [`mod@super::select`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// One weight per sentence feature ([`FEATURE_NAMES`]).
    pub sentences: Features,
    /// One weight per concept feature ([`CONCEPT_FEATURE_NAMES`]).
    pub concepts: ConceptFeatures,
    /// How selection weighs coverage, sentence scores and lengths.
    pub objective: Objective,
}

/// The weights shipped with chorus, made by `chorus train` (see the README).
const SHIPPED: &str = include_str!("../../models/weights.json");

static DEFAULT_WEIGHTS: LazyLock<Weights> = LazyLock::new(|| {
    Weights::from_json(SHIPPED).expect("models/weights.json is checked by a unit test")
});

impl Default for Weights {
    fn default() -> Self {
        DEFAULT_WEIGHTS.clone()
    }
}

impl Weights {
    /// The score of one sentence.
    pub fn score(&self, features: &Features) -> f32 {
        dot(&self.sentences, features)
    }

    /// The weight of one concept (below zero counts as zero in selection).
    pub fn concept(&self, features: &ConceptFeatures) -> f32 {
        dot(&self.concepts, features)
    }

    /// The weights as the JSON file `models/weights.json` holds them.
    pub fn to_json(&self, note: &str) -> String {
        let named =
            |names: &[&str], values: &[f32]| -> serde_json::Map<String, serde_json::Value> {
                names
                    .iter()
                    .zip(values)
                    .map(|(name, w)| (name.to_string(), serde_json::json!(w)))
                    .collect()
            };
        let value = serde_json::json!({
            "note": note,
            "weights": named(&FEATURE_NAMES, &self.sentences),
            "concepts": named(&CONCEPT_FEATURE_NAMES, &self.concepts),
            "objective": {
                "sentence_weight": self.objective.sentence_weight,
                "cost_exponent": self.objective.cost_exponent,
                "known_factor": self.objective.known_factor,
                "repeat_penalty": self.objective.repeat_penalty,
            },
        });
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }

    /// Reads weights from JSON: objects `"weights"` (sentence features),
    /// `"concepts"` (concept features), each keyed by feature name, and
    /// `"objective"`.
    pub fn from_json(text: &str) -> Result<Weights, WeightsError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(WeightsError::Json)?;
        let object = |key: &'static str| {
            value
                .get(key)
                .and_then(|w| w.as_object())
                .ok_or(WeightsError::NoObject(key))
        };
        let number = |object: &serde_json::Map<String, serde_json::Value>,
                      section: &'static str,
                      name: &'static str| {
            object
                .get(name)
                .and_then(|v| v.as_f64())
                .map(|v| v as f32)
                .ok_or(WeightsError::Missing { section, name })
        };
        let sentences_in = object("weights")?;
        let mut sentences = [0.0; FEATURE_NAMES.len()];
        for (slot, name) in sentences.iter_mut().zip(FEATURE_NAMES) {
            *slot = number(sentences_in, "weights", name)?;
        }
        let concepts_in = object("concepts")?;
        let mut concepts = [0.0; CONCEPT_FEATURE_NAMES.len()];
        for (slot, name) in concepts.iter_mut().zip(CONCEPT_FEATURE_NAMES) {
            *slot = number(concepts_in, "concepts", name)?;
        }
        let objective_in = object("objective")?;
        let objective = Objective {
            sentence_weight: number(objective_in, "objective", "sentence_weight")?,
            cost_exponent: number(objective_in, "objective", "cost_exponent")?,
            known_factor: number(objective_in, "objective", "known_factor")?,
            repeat_penalty: number(objective_in, "objective", "repeat_penalty")?,
        };
        Ok(Weights {
            sentences,
            concepts,
            objective,
        })
    }
}

fn dot(weights: &[f32], features: &[f32]) -> f32 {
    weights.iter().zip(features).map(|(w, f)| w * f).sum()
}

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WeightsError {
    /// The text is not JSON.
    #[error("invalid weights JSON")]
    Json(#[source] serde_json::Error),
    /// An object the file needs is missing.
    #[error("weights file needs a {0:?} object")]
    NoObject(&'static str),
    /// A feature or setting has no numeric value.
    #[error("weights file lacks {name:?} in {section:?}")]
    Missing {
        /// The object it belongs in.
        section: &'static str,
        /// The feature or setting.
        name: &'static str,
    },
}

/// Computes every sentence's features (flat order of the story index).
pub fn features(story: &Story) -> Vec<Features> {
    let index = &story.index;
    let n = index.sentences.len();
    let docs = index.documents();
    // A reprint strengthens nothing: only originals count as other outlets.
    let counted: Vec<bool> = story
        .documents
        .iter()
        .map(|d| d.duplicate_of.is_none())
        .collect();
    let outlets = counted.iter().filter(|&&c| c).count();
    let other_docs = outlets.saturating_sub(1).max(1) as f32;
    let many_docs = ((outlets as f32 - 1.0) / 10.0).clamp(0.0, 1.0);
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    // Per other document, the best match and whether it paraphrases; only
    // the documents a sentence shares words with are touched and reset,
    // so a story of thousands of documents costs no more per sentence.
    let mut best_in_doc = vec![0f32; docs];
    let mut supported = vec![false; docs];
    let mut touched: Vec<usize> = Vec::new();
    let mut edges: Vec<(u32, f32)> = Vec::new();
    let mut graph = Graph::default();
    let mut partial = Vec::with_capacity(n);
    for i in 0..n {
        let sentence = &index.sentences[i];
        index.overlaps(i, &mut counts, &mut overlaps);
        for &d in &touched {
            best_in_doc[d] = 0.0;
            supported[d] = false;
        }
        touched.clear();
        edges.clear();
        let mut same_doc = 0.0;
        for &(j, overlap) in &overlaps {
            let other = index.doc_of(j);
            let dice = index.dice(i, j, overlap);
            if dice >= CENTRALITY_MIN_DICE {
                edges.push((j as u32, dice));
            }
            if other == sentence.doc {
                same_doc += dice;
            } else if counted[other] {
                if best_in_doc[other] == 0.0 && !supported[other] {
                    touched.push(other);
                }
                best_in_doc[other] = best_in_doc[other].max(dice);
                // Both tests are necessary for a paraphrase; they spare most pairs the full check.
                let may_paraphrase = dice >= PARAPHRASE_DICE || overlap >= 4;
                if may_paraphrase && index.paraphrase(i, j, overlap) {
                    supported[other] = true;
                }
            }
        }
        graph.add_node(&mut edges, CENTRALITY_NEIGHBOURS);
        // Summed in document order, as over every document.
        touched.sort_unstable();
        touched.dedup();
        let support = touched.iter().filter(|&&d| supported[d]).count() as f32 / other_docs;
        let cross = touched.iter().map(|&d| best_in_doc[d]).sum::<f32>() / other_docs;
        let coverage = if sentence.content.is_empty() || outlets < 2 {
            0.0
        } else {
            sentence
                .content
                .iter()
                .map(|&t| index.doc_freq[t as usize].saturating_sub(1) as f32)
                .sum::<f32>()
                / (sentence.content.len() as f32 * other_docs)
        };
        let doc_len = index.doc_len(sentence.doc).max(1) as f32;
        let text = &story.documents[sentence.doc].sentences[sentence.position].text;
        let paragraph = story.documents[sentence.doc].sentences[sentence.position].paragraph;
        let position = sentence.position as f32;
        let lead = 1.0 / (1.0 + position);
        partial.push([
            1.0,
            lead,
            flag(sentence.position == 0),
            1.0 - position / doc_len,
            1.0 / (1.0 + paragraph as f32),
            (sentence.words.min(40) as f32) / 40.0,
            support,
            cross,
            coverage,
            (same_doc / doc_len).min(1.0),
            0.0, // centrality, filled in below
            lead * many_docs,
            flag(text.contains(['"', '“', '”'])),
            flag(text.trim_end().ends_with('?')),
            flag(sentence.words < 10),
            flag(dangling(text)),
            flag(text.bytes().any(|b| b.is_ascii_digit())),
            // News often gives the lead's who-and-what in the first sentence
            // and its main detail in the second, which `lead` (1/2) and
            // `relative_position` score no higher than any early sentence.
            flag(sentence.position == 1),
        ]);
    }
    let centrality = pagerank(&graph);
    for (features, rank) in partial.iter_mut().zip(centrality) {
        // Scaled so that an average sentence scores 1/3 whatever the story's size.
        features[10] = (rank * n as f32 / 3.0).min(1.0);
    }
    partial
}

fn flag(condition: bool) -> f32 {
    if condition { 1.0 } else { 0.0 }
}

fn dangling(text: &str) -> bool {
    let first = first_word(text);
    DANGLING_OPENERS
        .iter()
        .any(|opener| first.eq_ignore_ascii_case(opener))
}

/// Whether a sentence opens with a connective that continues an argument
/// ("But …", "However, …", "And …"): out of its context it misleads.
pub fn opens_with_connective(text: &str) -> bool {
    let first = first_word(text);
    CONNECTIVES.iter().any(|c| first.eq_ignore_ascii_case(c))
}

/// Subject pronouns that, followed by "also", continue what a previous
/// sentence said of someone ("He also said …").
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// Whether a sentence leans on the one before it: it opens with a
/// connective ([`opens_with_connective`]) or goes on about someone already
/// named ("He also said …", "They also …"). Out of its context it reads
/// as a continuation, so selection takes it only when nothing else fits.
pub fn leans_on_previous(text: &str) -> bool {
    if opens_with_connective(text) {
        return true;
    }
    let mut words = words(text);
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    SUBJECT_PRONOUNS
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p))
        && second.eq_ignore_ascii_case("also")
}

fn first_word(text: &str) -> &str {
    words(text).next().unwrap_or("")
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Weighted edges in compressed rows: node `i`'s edges are
/// `targets[starts[i]..starts[i + 1]]` with the same slice of `weights`.
#[derive(Debug, Default)]
struct Graph {
    starts: Vec<u32>,
    targets: Vec<u32>,
    weights: Vec<f32>,
}

impl Graph {
    /// Adds the next node with the `keep` heaviest of `edges` (target,
    /// weight): ties go to the earlier target, and the edges kept stay in
    /// the order given.
    fn add_node(&mut self, edges: &mut Vec<(u32, f32)>, keep: usize) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        if keep == 0 {
            edges.clear();
        } else if edges.len() > keep {
            let heavier = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            let mut ranked = edges.clone();
            ranked.select_nth_unstable_by(keep - 1, heavier);
            let bar = ranked[keep - 1];
            edges.retain(|e| heavier(e, &bar).is_le());
        }
        for &(target, weight) in edges.iter() {
            self.targets.push(target);
            self.weights.push(weight);
        }
        self.starts.push(self.targets.len() as u32);
    }

    fn nodes(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn edges(&self, i: usize) -> std::ops::Range<usize> {
        self.starts[i] as usize..self.starts[i + 1] as usize
    }
}

/// PageRank over weighted, undirected similarity edges.
fn pagerank(graph: &Graph) -> Vec<f32> {
    let n = graph.nodes();
    if n == 0 {
        return Vec::new();
    }
    let weight: Vec<f32> = (0..n)
        .map(|i| graph.weights[graph.edges(i)].iter().sum())
        .collect();
    let mut rank = vec![1.0 / n as f32; n];
    let mut next = vec![0.0; n];
    for _ in 0..ITERATIONS {
        let mut dangling_mass = 0.0;
        next.iter_mut().for_each(|x| *x = 0.0);
        for i in 0..n {
            if weight[i] == 0.0 {
                dangling_mass += rank[i];
                continue;
            }
            let share = rank[i] / weight[i];
            let range = graph.edges(i);
            for (&j, &w) in graph.targets[range.clone()]
                .iter()
                .zip(&graph.weights[range])
            {
                next[j as usize] += share * w;
            }
        }
        let base = (1.0 - DAMPING) / n as f32 + DAMPING * dangling_mass / n as f32;
        let mut change = 0.0;
        for (r, x) in rank.iter_mut().zip(&next) {
            let updated = base + DAMPING * x;
            change += (updated - *r).abs();
            *r = updated;
        }
        if change < CONVERGED {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_parse() {
        let weights = Weights::default();
        assert!(weights.sentences.iter().all(|w| w.is_finite()));
        assert!(weights.concepts.iter().all(|w| w.is_finite()));
        assert_eq!(
            Weights::from_json(&weights.to_json("again")).ok(),
            Some(weights)
        );
    }

    #[test]
    fn pagerank_favours_the_hub() {
        // 0 is linked to 1 and 2; 1 and 2 only to 0.
        let graph = Graph {
            starts: vec![0, 2, 3, 4],
            targets: vec![1, 2, 0, 0],
            weights: vec![1.0; 4],
        };
        let rank = pagerank(&graph);
        assert!(rank[0] > rank[1] && (rank[1] - rank[2]).abs() < 1e-6);
        assert!((rank.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }

    #[test]
    fn each_node_keeps_its_heaviest_edges() {
        let mut graph = Graph::default();
        let mut edges = vec![(1, 0.2), (2, 0.9), (3, 0.5), (4, 0.9), (5, 0.5)];
        graph.add_node(&mut edges, 3);
        // The two at 0.9, then the earlier of the two at 0.5, in the order given.
        assert_eq!(graph.targets, [2, 3, 4]);
        let mut few = vec![(0, 0.3)];
        graph.add_node(&mut few, 3);
        graph.add_node(&mut Vec::new(), 3);
        assert_eq!(graph.starts, [0, 3, 4, 4]);
        assert_eq!(graph.nodes(), 3);
    }

    #[test]
    fn dangling_openers() {
        assert!(dangling("But the talks failed."));
        assert!(dangling("\"They left,\" she said."));
        assert!(!dangling("Talks failed."));
        assert!(opens_with_connective("However, the talks failed."));
        assert!(opens_with_connective("And then it rained."));
        assert!(!opens_with_connective("He left early."));
        assert!(!opens_with_connective("Andrew left early."));
        assert!(leans_on_previous("But the talks failed."));
        assert!(leans_on_previous("He also said the talks failed."));
        assert!(leans_on_previous("\"They also left,\" she said."));
        assert!(!leans_on_previous("He said the talks failed."));
        assert!(!leans_on_previous("Officials also said the talks failed."));
    }

    #[test]
    fn missing_feature_is_an_error() {
        let err = Weights::from_json(r#"{"weights":{"bias":1}}"#).unwrap_err();
        assert!(
            matches!(
                err,
                WeightsError::Missing {
                    section: "weights",
                    name: "lead"
                }
            ),
            "{err}"
        );
        assert!(matches!(
            Weights::from_json("{"),
            Err(WeightsError::Json(_))
        ));
        assert!(matches!(
            Weights::from_json("{}"),
            Err(WeightsError::NoObject("weights"))
        ));
    }
}
