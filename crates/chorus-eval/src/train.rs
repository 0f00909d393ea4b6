//! Training the scorer's weights: ridge regression from sentence features
//! to how much of the reference summaries a sentence carries, with k-fold
//! cross-validation over clusters so the reported ROUGE is on held-out data.

use crate::rouge::{NgramCounts, RougeScores, truncate_words};
use chorus::Pipeline;
use chorus::model::StoryInput;
use chorus::prepare::Story;
use chorus::prepare::terms::{TermId, Vocab};
use chorus::summarize::{
    Budget, FEATURE_NAMES, Features, Weights, features, summarize, summary_text,
};

/// Strength of the ridge penalty.
const RIDGE: f64 = 1.0;
/// Each cluster's sentences share this much weight in the fit.
const CLUSTER_WEIGHT_SCALE: f64 = 80.0;

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
    story: Story,
    references: Vec<Vec<TermId>>,
}

/// Fits weights on `stories` (which need references) with `folds`-fold
/// cross-validation; clusters are assigned to folds round robin, in order.
pub fn train(stories: &[StoryInput], folds: usize, words: usize) -> Training {
    let mut pipeline = Pipeline::new();
    let examples: Vec<Example> = stories
        .iter()
        .filter(|s| !s.references.is_empty())
        .map(|input| {
            let story = pipeline.prepare(input.clone());
            let vocab = pipeline.vocab();
            let references: Vec<Vec<TermId>> =
                input.references.iter().map(|r| vocab.terms(r)).collect();
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
            Example {
                features: features(&story),
                labels,
                story,
                references,
            }
        })
        .collect();
    let folds = folds.clamp(2, examples.len().max(2));
    let fold_weights: Vec<Weights> = (0..folds)
        .map(|fold| {
            let train_set = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold);
            fit(train_set.map(|(_, e)| e))
        })
        .collect();
    let current = Weights::default();
    let held_out = examples
        .iter()
        .enumerate()
        .map(|(i, e)| score(e, &fold_weights[i % folds], words, pipeline.vocab()))
        .collect();
    let shipped = examples
        .iter()
        .map(|e| score(e, &current, words, pipeline.vocab()))
        .collect();
    Training {
        weights: fit(examples.iter()),
        held_out,
        shipped,
    }
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

fn fit<'a>(examples: impl Iterator<Item = &'a Example>) -> Weights {
    const N: usize = FEATURE_NAMES.len();
    let mut xtx = [[0f64; N]; N];
    let mut xty = [0f64; N];
    for example in examples {
        // Every cluster counts the same, however many sentences it has, so
        // that large clusters do not drown small ones.
        let weight = CLUSTER_WEIGHT_SCALE / example.labels.len().max(1) as f64;
        for (f, &y) in example.features.iter().zip(&example.labels) {
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
    Weights(weights)
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

fn score(example: &Example, weights: &Weights, words: usize, vocab: &mut Vocab) -> RougeScores {
    let budget = Budget {
        words,
        overflow: true,
    };
    let chosen = summarize(&example.story, budget, weights);
    let text = truncate_words(&summary_text(&example.story, &chosen), words);
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
