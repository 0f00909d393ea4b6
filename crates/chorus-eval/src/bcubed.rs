//! Scoring a clustering against gold groups: BCubed precision, recall and
//! F1 (Bagga & Baldwin 1998) and the adjusted Rand index (Hubert & Arabie
//! 1985), and the seeded shuffle that mixes evaluation clusters together.

use rustc_hash::FxHashMap;

use chorus::model::StoryInput;
use chorus::prepare::terms::Vocab;

/// The outcome of clustering the mixed documents of gold clusters.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ClusterEvaluation {
    /// Documents clustered.
    pub articles: usize,
    /// Gold clusters they came from.
    pub gold_groups: usize,
    /// Stories found.
    pub stories: usize,
    /// Seed of the shuffle.
    pub seed: u64,
    /// Agreement with the gold clusters.
    pub scores: ClusterScores,
    /// Clustering speed, one core.
    pub articles_per_second: f64,
}

/// Mixes the documents of `gold` (each story one gold group) with a seeded
/// shuffle, clusters them in one batch, and scores the result.
pub fn evaluate(gold: Vec<StoryInput>, seed: u64) -> ClusterEvaluation {
    evaluate_with(gold, seed, |articles| {
        Ok::<_, std::convert::Infallible>(chorus::cluster::cluster(articles, &mut Vocab::new()))
    })
    .unwrap_or_else(|never| match never {})
}

/// [`evaluate`] with another clustering: `cluster` gets the shuffled
/// articles and returns the members of each story found.
pub fn evaluate_with<E>(
    gold: Vec<StoryInput>,
    seed: u64,
    cluster: impl FnOnce(&[chorus::model::Article]) -> Result<Vec<Vec<usize>>, E>,
) -> Result<ClusterEvaluation, E> {
    let gold_groups = gold.len();
    let mut labelled: Vec<_> = gold
        .into_iter()
        .enumerate()
        .flat_map(|(label, story)| story.articles.into_iter().map(move |a| (a, label)))
        .collect();
    shuffle(&mut labelled, seed);
    let (articles, labels): (Vec<_>, Vec<_>) = labelled.into_iter().unzip();
    let start = std::time::Instant::now();
    let groups = cluster(&articles)?;
    let seconds = start.elapsed().as_secs_f64();
    let mut predicted = vec![0; articles.len()];
    for (label, members) in groups.iter().enumerate() {
        for &m in members {
            predicted[m] = label;
        }
    }
    Ok(ClusterEvaluation {
        articles: articles.len(),
        gold_groups,
        stories: groups.len(),
        seed,
        scores: score(&predicted, &labels),
        articles_per_second: articles.len() as f64 / seconds.max(1e-9),
    })
}

/// Agreement between predicted and gold groups.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ClusterScores {
    /// Mean over items of the share of its predicted group that shares its gold group.
    pub bcubed_precision: f64,
    /// Mean over items of the share of its gold group that shares its predicted group.
    pub bcubed_recall: f64,
    /// Harmonic mean of the two.
    pub bcubed_f1: f64,
    /// Adjusted Rand index.
    pub ari: f64,
}

/// Scores `predicted` labels against `gold` labels (one per item).
pub fn score(predicted: &[usize], gold: &[usize]) -> ClusterScores {
    assert_eq!(
        predicted.len(),
        gold.len(),
        "one label per item on each side"
    );
    let n = predicted.len();
    if n == 0 {
        return ClusterScores {
            bcubed_precision: 0.0,
            bcubed_recall: 0.0,
            bcubed_f1: 0.0,
            ari: 0.0,
        };
    }
    let mut joint: FxHashMap<(usize, usize), u64> = FxHashMap::default();
    let mut by_predicted: FxHashMap<usize, u64> = FxHashMap::default();
    let mut by_gold: FxHashMap<usize, u64> = FxHashMap::default();
    for (&p, &g) in predicted.iter().zip(gold) {
        *joint.entry((p, g)).or_default() += 1;
        *by_predicted.entry(p).or_default() += 1;
        *by_gold.entry(g).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&p, &g) in predicted.iter().zip(gold) {
        let both = joint[&(p, g)] as f64;
        precision += both / by_predicted[&p] as f64;
        recall += both / by_gold[&g] as f64;
    }
    precision /= n as f64;
    recall /= n as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let pairs = |k: u64| (k * k.saturating_sub(1) / 2) as f64;
    let index: f64 = joint.values().map(|&k| pairs(k)).sum();
    let rows: f64 = by_predicted.values().map(|&k| pairs(k)).sum();
    let columns: f64 = by_gold.values().map(|&k| pairs(k)).sum();
    let total = pairs(n as u64);
    let expected = if total > 0.0 {
        rows * columns / total
    } else {
        0.0
    };
    let maximum = (rows + columns) / 2.0;
    let ari = if maximum - expected == 0.0 {
        1.0
    } else {
        (index - expected) / (maximum - expected)
    };
    ClusterScores {
        bcubed_precision: precision,
        bcubed_recall: recall,
        bcubed_f1: f1,
        ari,
    }
}

/// Fisher–Yates shuffle driven by a fixed-seed xorshift generator, so that
/// an evaluation mixes the same way on every machine.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_merged() {
        let perfect = score(&[0, 0, 1, 1], &[5, 5, 7, 7]);
        assert_eq!(perfect.bcubed_f1, 1.0);
        assert_eq!(perfect.ari, 1.0);
        let merged = score(&[0, 0, 0, 0], &[5, 5, 7, 7]);
        assert_eq!(merged.bcubed_recall, 1.0);
        assert_eq!(merged.bcubed_precision, 0.5);
        assert!(merged.ari.abs() < 1e-9);
    }

    #[test]
    fn known_values() {
        // Gold {a,b,c},{d,e}; predicted {a,b},{c,d,e}.
        let s = score(&[0, 0, 1, 1, 1], &[0, 0, 0, 1, 1]);
        assert!(
            (s.bcubed_precision - (1.0 + 1.0 + 1.0 / 3.0 + 2.0 / 3.0 + 2.0 / 3.0) / 5.0).abs()
                < 1e-9
        );
        assert!(
            (s.bcubed_recall - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0 + 1.0) / 5.0).abs() < 1e-9
        );
        // sklearn.metrics.adjusted_rand_score([0,0,0,1,1],[0,0,1,1,1]) = 0.1666…
        assert!((s.ari - 1.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn shuffle_is_a_seeded_permutation() {
        let mut a: Vec<u32> = (0..100).collect();
        let mut b = a.clone();
        shuffle(&mut a, 7);
        shuffle(&mut b, 7);
        assert_eq!(a, b);
        assert_ne!(a, (0..100).collect::<Vec<_>>());
        a.sort_unstable();
        assert_eq!(a, (0..100).collect::<Vec<_>>());
    }
}
