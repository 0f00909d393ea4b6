//! Training the summarizer's learned parts, with k-fold cross-validation
//! over clusters so the reported ROUGE is on held-out data:
//!
//! - the sentence scorer: ridge regression from sentence features to how
//!   much of the reference summaries a sentence carries;
//! - the concept weights: ridge regression from concept features (which
//!   read the sentence scores) to the share of reference summaries that
//!   hold the concept.
//!
//! Clusters may come with their own word budgets (data made at 100 and at
//! 250 words trained together) and with earlier sets (update summaries).

use rustc_hash::FxHashSet;

use crate::Task;
use crate::rouge::{NgramCounts, RougeScores, truncate_words};
use chorus::Pipeline;
use chorus::prepare::Story;
use chorus::prepare::index::{Concept, concept};
use chorus::prepare::terms::{TermId, Vocab};
use chorus::summarize::select::concepts;
use chorus::summarize::{
    Budget, CONCEPT_FEATURE_NAMES, ConceptFeatures, Features, Known, Objective, Weights, features,
    summarize_after, summary_text,
};

/// Strength of the ridge penalty.
const RIDGE: f64 = 1.0;
/// Each cluster's sentences (and its concepts) share this much weight in the fit.
const CLUSTER_WEIGHT_SCALE: f64 = 80.0;
/// Weight of a concept some reference holds, against 1 for one none holds,
/// in the concept model's fit. The few concepts references hold are mostly
/// ones many outlets state; at full weight they pull the model towards
/// support alone and it overrates what many outlets say in passing.
/// Chosen by held-out ROUGE (docs/experiments.md).
const POSITIVE_CONCEPT_WEIGHT: f64 = 0.75;

/// A training run's outcome.
#[derive(Debug, Clone)]
pub struct Training {
    /// Weights fitted on all clusters.
    pub weights: Weights,
    /// Each cluster's ROUGE with weights fitted on the folds it is not in.
    pub held_out: Vec<RougeScores>,
    /// Each cluster's ROUGE with the weights in use before training.
    pub shipped: Vec<RougeScores>,
}

struct Example {
    features: Vec<Features>,
    labels: Vec<f64>,
    /// Per local concept (as [`concepts`] numbers them), the share of
    /// references that hold it.
    concept_labels: Vec<f64>,
    story: Story,
    known: Known,
    references: Vec<Vec<TermId>>,
    words: usize,
}

/// Fits weights on `tasks` (which need references), each summarized at its
/// own budget (`budgets[i]` words), with `folds`-fold cross-validation;
/// clusters are assigned to folds round robin, in order. `objective` is
/// kept as given: it is chosen by comparing held-out ROUGE between runs.
pub fn train(tasks: &[Task], budgets: &[usize], folds: usize, objective: Objective) -> Training {
    let mut pipeline = Pipeline::new();
    let examples: Vec<Example> = tasks
        .iter()
        .zip(budgets)
        .filter(|(t, _)| !t.story.references.is_empty())
        .map(|(task, &words)| {
            let known = pipeline.known(task.earlier.clone());
            let story = pipeline.prepare(task.story.clone());
            let vocab = pipeline.vocab();
            let references: Vec<Vec<TermId>> = task
                .story
                .references
                .iter()
                .map(|r| vocab.terms(r))
                .collect();
            let counted: Vec<[NgramCounts; 2]> = references
                .iter()
                .map(|r| [NgramCounts::new(r, 1), NgramCounts::new(r, 2)])
                .collect();
            let labels = story
                .index
                .sentences
                .iter()
                .map(|s| label(&s.terms, &counted))
                .collect();
            // Concepts are numbered the same whatever the scores.
            let numbered = concepts(&story, &[], &known);
            let in_references: Vec<FxHashSet<Concept>> = references
                .iter()
                .map(|r| r.windows(2).map(|p| concept(p[0], p[1])).collect())
                .collect();
            let concept_labels = numbered
                .keys
                .iter()
                .map(|c| {
                    in_references.iter().filter(|r| r.contains(c)).count() as f64
                        / in_references.len().max(1) as f64
                })
                .collect();
            Example {
                features: features(&story),
                labels,
                concept_labels,
                story,
                known,
                references,
                words,
            }
        })
        .collect();
    let folds = folds.clamp(2, examples.len().max(2));
    let fold_weights: Vec<Weights> = (0..folds)
        .map(|fold| {
            let train_set: Vec<&Example> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold)
                .map(|(_, e)| e)
                .collect();
            fit(&train_set, objective)
        })
        .collect();
    let current = Weights::default();
    let held_out = examples
        .iter()
        .enumerate()
        .map(|(i, e)| score(e, &fold_weights[i % folds], pipeline.vocab()))
        .collect();
    let shipped = examples
        .iter()
        .map(|e| score(e, &current, pipeline.vocab()))
        .collect();
    let all: Vec<&Example> = examples.iter().collect();
    Training {
        weights: fit(&all, objective),
        held_out,
        shipped,
    }
}

/// Fits the sentence scorer, then the concept model on concept features
/// computed with that scorer's scores.
fn fit(examples: &[&Example], objective: Objective) -> Weights {
    let sentences: Features = fit_linear(
        examples.iter().map(|e| {
            (
                e.features.iter().zip(&e.labels).collect::<Vec<_>>(),
                e.labels.len(),
            )
        }),
        |_| 1.0,
    );
    let scorer = Weights {
        sentences,
        concepts: [0.0; CONCEPT_FEATURE_NAMES.len()],
        objective,
    };
    let with_features: Vec<(Vec<ConceptFeatures>, &Example)> = examples
        .iter()
        .map(|e| {
            let scores: Vec<f32> = e.features.iter().map(|f| scorer.score(f)).collect();
            (concepts(&e.story, &scores, &e.known).features, *e)
        })
        .collect();
    let concepts: ConceptFeatures = fit_linear(
        with_features.iter().map(|(features, e)| {
            (
                features.iter().zip(&e.concept_labels).collect::<Vec<_>>(),
                e.concept_labels.len(),
            )
        }),
        |label| {
            if label > 0.0 {
                POSITIVE_CONCEPT_WEIGHT
            } else {
                1.0
            }
        },
    );
    Weights { concepts, ..scorer }
}

/// How much of the references a sentence carries per word: the mean over
/// references of half its ROUGE-1 precision plus its ROUGE-2 precision
/// (bigrams weigh more: they are what separates a good pick from a sentence
/// that merely shares common words).
fn label(sentence: &[TermId], references: &[[NgramCounts; 2]]) -> f64 {
    if sentence.is_empty() || references.is_empty() {
        return 0.0;
    }
    let unigrams = NgramCounts::new(sentence, 1);
    let bigrams = NgramCounts::new(sentence, 2);
    let total: f64 = references
        .iter()
        .map(|[r1, r2]| 0.5 * r1.score(&unigrams).precision + r2.score(&bigrams).precision)
        .sum();
    total / references.len() as f64
}

/// Ridge regression over clusters of `(features, label)` rows; every
/// cluster counts the same, however many rows it has, so that large
/// clusters do not drown small ones, and within it each row counts
/// `row_weight(label)`. The first feature is the bias, which is not
/// penalised.
fn fit_linear<'a, const N: usize>(
    clusters: impl Iterator<Item = (Vec<(&'a [f32; N], &'a f64)>, usize)>,
    row_weight: impl Fn(f64) -> f64,
) -> [f32; N] {
    let mut xtx = [[0f64; N]; N];
    let mut xty = [0f64; N];
    for (rows, count) in clusters {
        let weight = CLUSTER_WEIGHT_SCALE / count.max(1) as f64;
        for (f, &y) in rows {
            let weight = weight * row_weight(y);
            for a in 0..N {
                xty[a] += weight * f[a] as f64 * y;
                for b in 0..N {
                    xtx[a][b] += weight * f[a] as f64 * f[b] as f64;
                }
            }
        }
    }
    for (a, row) in xtx.iter_mut().enumerate().skip(1) {
        row[a] += RIDGE;
    }
    let solution = solve(xtx, xty);
    let mut weights = [0f32; N];
    for (w, s) in weights.iter_mut().zip(solution) {
        *w = s as f32;
    }
    weights
}

/// Gaussian elimination with partial pivoting on a small dense system.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for col in 0..N {
        let pivot = (col..N)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let p = a[col][col];
        if p.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col];
        let pivot_b = b[col];
        for (row, (a_row, b_row)) in a.iter_mut().zip(b.iter_mut()).enumerate() {
            if row != col {
                let factor = a_row[col] / p;
                for (x, y) in a_row.iter_mut().zip(pivot_row).skip(col) {
                    *x -= factor * y;
                }
                *b_row -= factor * pivot_b;
            }
        }
    }
    let mut x = [0f64; N];
    for i in 0..N {
        x[i] = if a[i][i].abs() < 1e-12 {
            0.0
        } else {
            b[i] / a[i][i]
        };
    }
    x
}

fn score(example: &Example, weights: &Weights, vocab: &mut Vocab) -> RougeScores {
    let budget = Budget {
        words: example.words,
        overflow: true,
    };
    let chosen = summarize_after(&example.story, budget, weights, &example.known);
    let text = truncate_words(&summary_text(&example.story, &chosen), example.words);
    let candidate = vocab.terms(&text);
    let each: Vec<RougeScores> = example
        .references
        .iter()
        .map(|r| RougeScores::compute(r, &candidate))
        .collect();
    RougeScores::mean(&each)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]);
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
    }
}
