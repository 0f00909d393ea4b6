//! Sentence features and the linear model that weighs them.

use std::sync::LazyLock;

use super::Story;

/// Names of the features, in vector order (also the keys of the weights file).
pub const FEATURE_NAMES: [&str; 12] = [
    "bias",
    "lead",
    "first",
    "relative_position",
    "length",
    "support",
    "cross_similarity",
    "term_coverage",
    "doc_centrality",
    "quote",
    "question",
    "short",
];

/// One sentence's feature vector.
pub type Features = [f32; FEATURE_NAMES.len()];

/// Weights of the linear scorer.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(pub Features);

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
        self.0.iter().zip(features).map(|(w, f)| w * f).sum()
    }

    /// Reads weights from a JSON object keyed by feature name.
    pub fn from_json(text: &str) -> Result<Weights, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("invalid weights JSON: {e}"))?;
        let object = value
            .get("weights")
            .and_then(|w| w.as_object())
            .ok_or("weights file needs a \"weights\" object")?;
        let mut weights = [0.0; FEATURE_NAMES.len()];
        for (slot, name) in weights.iter_mut().zip(FEATURE_NAMES) {
            *slot = object
                .get(name)
                .and_then(|v| v.as_f64())
                .ok_or_else(|| format!("weights file lacks feature {name:?}"))?
                as f32;
        }
        Ok(Weights(weights))
    }
}

/// Computes every sentence's features (flat order of the story index).
pub fn features(story: &Story) -> Vec<Features> {
    let index = &story.index;
    let n = index.sentences.len();
    let docs = index.documents();
    let other_docs = docs.saturating_sub(1).max(1) as f32;
    let mut out = Vec::with_capacity(n);
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    let mut best_in_doc = vec![0f32; docs];
    let mut supported = vec![false; docs];
    for i in 0..n {
        let sentence = &index.sentences[i];
        index.overlaps(i, &mut counts, &mut overlaps);
        best_in_doc.iter_mut().for_each(|b| *b = 0.0);
        supported.iter_mut().for_each(|s| *s = false);
        let mut same_doc = 0.0;
        for &(j, overlap) in &overlaps {
            let other = index.sentences[j].doc;
            let dice = index.dice(i, j, overlap);
            if other == sentence.doc {
                same_doc += dice;
            } else {
                best_in_doc[other] = best_in_doc[other].max(dice);
                if index.paraphrase(i, j, overlap) {
                    supported[other] = true;
                }
            }
        }
        let support = supported.iter().filter(|&&s| s).count() as f32 / other_docs;
        let cross = best_in_doc.iter().sum::<f32>() / other_docs;
        let coverage = if sentence.content.is_empty() || docs < 2 {
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
        let position = sentence.position as f32;
        out.push([
            1.0,
            1.0 / (1.0 + position),
            if sentence.position == 0 { 1.0 } else { 0.0 },
            1.0 - position / doc_len,
            (sentence.words.min(40) as f32) / 40.0,
            support,
            cross,
            coverage,
            (same_doc / doc_len).min(1.0),
            if text.contains(['"', '“', '”']) {
                1.0
            } else {
                0.0
            },
            if text.trim_end().ends_with('?') {
                1.0
            } else {
                0.0
            },
            if sentence.words < 10 { 1.0 } else { 0.0 },
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_parse() {
        let weights = Weights::default();
        assert_eq!(weights.0.len(), FEATURE_NAMES.len());
        assert!(weights.0.iter().all(|w| w.is_finite()));
    }

    #[test]
    fn missing_feature_is_an_error() {
        let err = Weights::from_json(r#"{"weights":{"bias":1}}"#).unwrap_err();
        assert!(err.contains("lead"), "{err}");
    }
}
