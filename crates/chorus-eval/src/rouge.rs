//! ROUGE-1, ROUGE-2 and ROUGE-L as Google's rouge-score computes them:
//! rouge-score's tokenizer with the Porter stemmer on (see [`chorus::prepare::terms`]),
//! clipped n-gram counts, F1 as `2PR / (P + R)`, and ROUGE-L as the longest
//! common subsequence over the whole text (`rougeL`, not `rougeLsum`).

use rustc_hash::FxHashMap;

use chorus::prepare::terms::TermId;

/// Precision, recall and F1 of one comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Matches over candidate size.
    pub precision: f64,
    /// Matches over reference size.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl Score {
    fn new(matches: usize, candidate: usize, reference: usize) -> Score {
        let precision = if candidate == 0 {
            0.0
        } else {
            matches as f64 / candidate as f64
        };
        let recall = if reference == 0 {
            0.0
        } else {
            matches as f64 / reference as f64
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            f1,
        }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RougeScores {
    /// Unigrams.
    pub rouge1: Score,
    /// Bigrams.
    pub rouge2: Score,
    /// Longest common subsequence.
    pub rouge_l: Score,
}

impl RougeScores {
    /// Scores a tokenized candidate against a tokenized reference.
    pub fn compute(reference: &[TermId], candidate: &[TermId]) -> RougeScores {
        RougeScores {
            rouge1: rouge_n(reference, candidate, 1),
            rouge2: rouge_n(reference, candidate, 2),
            rouge_l: rouge_l(reference, candidate),
        }
    }

    /// The mean of several scores (one per reference, or per cluster).
    pub fn mean(scores: &[RougeScores]) -> RougeScores {
        let n = scores.len().max(1) as f64;
        let avg = |get: fn(&RougeScores) -> Score| {
            let sum = scores.iter().map(get).fold(Score::default(), |a, b| Score {
                precision: a.precision + b.precision,
                recall: a.recall + b.recall,
                f1: a.f1 + b.f1,
            });
            Score {
                precision: sum.precision / n,
                recall: sum.recall / n,
                f1: sum.f1 / n,
            }
        };
        RougeScores {
            rouge1: avg(|s| s.rouge1),
            rouge2: avg(|s| s.rouge2),
            rouge_l: avg(|s| s.rouge_l),
        }
    }
}

fn ngram_key(gram: &[TermId]) -> u64 {
    gram.iter().fold(0u64, |key, &t| (key << 32) | t as u64)
}

/// The n-grams of a text with their counts, for n = 1 or 2 (n-grams are
/// packed into 64-bit keys). Count a reference once to score many
/// candidates against it.
#[derive(Debug, Clone)]
pub struct NgramCounts {
    n: usize,
    total: usize,
    counts: FxHashMap<u64, u32>,
}

impl NgramCounts {
    /// Counts the n-grams of `tokens`.
    pub fn new(tokens: &[TermId], n: usize) -> NgramCounts {
        assert!((1..=2).contains(&n), "n-grams of length 1 or 2");
        let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
        for gram in tokens.windows(n) {
            *counts.entry(ngram_key(gram)).or_default() += 1;
        }
        NgramCounts {
            n,
            total: tokens.len().saturating_sub(n - 1),
            counts,
        }
    }

    /// ROUGE-N of `candidate` against these reference counts (clipped matches).
    pub fn score(&self, candidate: &NgramCounts) -> Score {
        debug_assert_eq!(self.n, candidate.n, "n-grams of the same length");
        let matches: usize = candidate
            .counts
            .iter()
            .map(|(gram, &c)| c.min(self.counts.get(gram).copied().unwrap_or(0)) as usize)
            .sum();
        Score::new(matches, candidate.total, self.total)
    }
}

/// ROUGE-N for n = 1 or 2.
pub fn rouge_n(reference: &[TermId], candidate: &[TermId], n: usize) -> Score {
    NgramCounts::new(reference, n).score(&NgramCounts::new(candidate, n))
}

/// ROUGE-L over the whole texts.
pub fn rouge_l(reference: &[TermId], candidate: &[TermId]) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::default();
    }
    let mut previous = vec![0u32; candidate.len() + 1];
    let mut current = vec![0u32; candidate.len() + 1];
    for &r in reference {
        for (j, &c) in candidate.iter().enumerate() {
            current[j + 1] = if r == c {
                previous[j] + 1
            } else {
                current[j].max(previous[j + 1])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let lcs = previous[candidate.len()] as usize;
    Score::new(lcs, candidate.len(), reference.len())
}

/// The first `words` whitespace-separated words of `text`.
pub fn truncate_words(text: &str, words: usize) -> String {
    text.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus::prepare::terms::Vocab;

    fn scores(reference: &str, candidate: &str) -> RougeScores {
        let mut vocab = Vocab::new();
        let r = vocab.terms(reference);
        let c = vocab.terms(candidate);
        RougeScores::compute(&r, &c)
    }

    #[test]
    fn identical_texts_score_one() {
        let s = scores("The cat sat on the mat.", "the cat sat on the mat");
        assert_eq!(s.rouge1.f1, 1.0);
        assert_eq!(s.rouge2.f1, 1.0);
        assert_eq!(s.rouge_l.f1, 1.0);
    }

    #[test]
    fn counts_are_clipped_and_stemmed() {
        // reference: the cat sat ; candidate: the the cats
        let s = scores("the cat sat", "the the cats");
        assert!((s.rouge1.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.rouge1.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.rouge2.recall - 0.5).abs() < 1e-9);
        assert!((s.rouge_l.f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn empty_candidate_scores_zero() {
        let s = scores("a reference", "");
        assert_eq!(s.rouge1, Score::default());
        assert_eq!(s.rouge_l, Score::default());
    }

    #[test]
    fn truncates_on_whitespace() {
        assert_eq!(truncate_words("a b  c\nd", 3), "a b c");
    }
}
