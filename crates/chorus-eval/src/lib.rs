//! Evaluate: ROUGE of chorus and the baselines on cluster data with
//! reference summaries, and how many clusters per second each system does;
//! the other measures (clusters, facts, dates, training) in their modules.

#![warn(missing_docs)]

pub mod bcubed;
pub mod dates;
pub mod entities;
pub mod facts;
pub mod rouge;
pub mod train;

use std::time::{Duration, Instant};

use serde::Serialize;

use chorus::model::StoryInput;
use chorus::prepare::terms::Vocab;
use chorus::summarize::{Budget, System, Weights, summary_text};
use chorus::{Detail, Pipeline};
use rouge::{RougeScores, truncate_words};

/// One system's summary of one cluster.
#[derive(Debug, Clone, Serialize)]
pub struct SystemSummary {
    /// Cluster id.
    pub id: String,
    /// System name.
    pub system: String,
    /// The summary, cut at the word budget.
    pub summary: String,
}

/// One system's averages over the data.
#[derive(Debug, Clone, Serialize)]
pub struct SystemResult {
    /// System name.
    pub system: String,
    /// Clusters scored (those with at least one reference).
    pub clusters: usize,
    /// ROUGE-1 F1 and recall, ×100.
    pub rouge1_f: f64,
    /// ROUGE-1 recall ×100.
    pub rouge1_r: f64,
    /// ROUGE-2 F1 ×100.
    pub rouge2_f: f64,
    /// ROUGE-2 recall ×100.
    pub rouge2_r: f64,
    /// ROUGE-L F1 ×100.
    pub rouge_l_f: f64,
    /// ROUGE-L recall ×100.
    pub rouge_l_r: f64,
    /// Clusters per second, from raw text to summary, on one core, starting
    /// from an empty vocabulary.
    pub clusters_per_second: f64,
}

/// Results for every system, and every summary made.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// Word budget the summaries were cut at.
    pub words: usize,
    /// One row per system, in the order asked.
    pub results: Vec<SystemResult>,
    /// Every summary, cluster by cluster.
    #[serde(skip)]
    pub summaries: Vec<SystemSummary>,
}

/// Summarizes every story with every system and scores it against the
/// story's references (the mean over references where there are several).
///
/// Every system's output is cut at exactly `words` words, as ROUGE's length
/// limit does, and may let its last sentence run past the budget so that
/// none is scored on a shorter text than another.
///
/// `weights` are chorus's scorer weights (normally [`Weights::default`]).
pub fn evaluate(
    stories: &[StoryInput],
    systems: &[System],
    words: usize,
    weights: &Weights,
) -> Evaluation {
    // Scoring has its own vocabulary; each system gets a fresh one, so that
    // every system's speed includes stemming its words for the first time,
    // as a fresh `chorus summarize` does.
    let mut rouge_vocab = Vocab::new();
    let budget = Budget {
        words,
        overflow: true,
    };
    let references: Vec<Vec<Vec<u32>>> = stories
        .iter()
        .map(|s| s.references.iter().map(|r| rouge_vocab.terms(r)).collect())
        .collect();
    let mut results = Vec::new();
    let mut summaries = Vec::new();
    for &system in systems {
        // A fresh pipeline per system: each starts from an empty vocabulary.
        let mut pipeline = Pipeline::new()
            .budget(budget)
            .system(system)
            .weights(weights.clone())
            .detail(Detail::Summary);
        let mut elapsed = Duration::ZERO;
        let mut per_cluster = Vec::new();
        for (input, refs) in stories.iter().zip(&references) {
            let start = Instant::now();
            let story = pipeline.prepare(input.clone());
            let chosen = pipeline.choose(&story);
            let text = if system == System::Chorus {
                // chorus is timed through its summary report, attribution included.
                let report = pipeline.section(&story, &chosen);
                report
                    .summary
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                summary_text(&story, &chosen)
            };
            elapsed += start.elapsed();
            let text = truncate_words(&text, words);
            if !refs.is_empty() {
                let candidate = rouge_vocab.terms(&text);
                let each: Vec<RougeScores> = refs
                    .iter()
                    .map(|r| RougeScores::compute(r, &candidate))
                    .collect();
                per_cluster.push(RougeScores::mean(&each));
            }
            summaries.push(SystemSummary {
                id: input.id.clone(),
                system: system.name().to_string(),
                summary: text,
            });
        }
        let mean = RougeScores::mean(&per_cluster);
        results.push(SystemResult {
            system: system.name().to_string(),
            clusters: per_cluster.len(),
            rouge1_f: 100.0 * mean.rouge1.f1,
            rouge1_r: 100.0 * mean.rouge1.recall,
            rouge2_f: 100.0 * mean.rouge2.f1,
            rouge2_r: 100.0 * mean.rouge2.recall,
            rouge_l_f: 100.0 * mean.rouge_l.f1,
            rouge_l_r: 100.0 * mean.rouge_l.recall,
            clusters_per_second: stories.len() as f64 / elapsed.as_secs_f64().max(1e-9),
        });
    }
    Evaluation {
        words,
        results,
        summaries,
    }
}

impl Evaluation {
    /// A fixed-width table, one row per system.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<10} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>11}\n",
            "system", "clusters", "R1-F", "R1-R", "R2-F", "R2-R", "RL-F", "RL-R", "clusters/s"
        );
        for r in &self.results {
            out.push_str(&format!(
                "{:<10} {:>8} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>11.0}\n",
                r.system,
                r.clusters,
                r.rouge1_f,
                r.rouge1_r,
                r.rouge2_f,
                r.rouge2_r,
                r.rouge_l_f,
                r.rouge_l_r,
                r.clusters_per_second
            ));
        }
        out
    }
}
