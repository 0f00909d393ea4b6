//! Evaluate: ROUGE of chorus and the baselines on cluster data with
//! reference summaries, and how many clusters per second each system does;
//! the other measures (clusters, facts, dates, training) in their modules.

#![warn(missing_docs)]

pub mod bcubed;
pub mod dates;
pub mod entities;
pub mod facts;
pub mod rouge;
pub mod tasks;
pub mod train;

use std::time::{Duration, Instant};

use serde::Serialize;

use chorus::prepare::terms::Vocab;
use chorus::summarize::{Budget, Known, System, Weights, summary_text};
use chorus::{Detail, Pipeline};
use rouge::{RougeScores, truncate_words};
pub use tasks::Task;

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

/// One system's averages over the data (or over one group of it).
#[derive(Debug, Clone, Serialize)]
pub struct SystemResult {
    /// System name.
    pub system: String,
    /// The clusters averaged: `"all"`, or with update data `"earlier=N"`,
    /// the clusters that follow N earlier sets.
    pub group: String,
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
    /// One row per system, in the order asked, over all clusters; with
    /// update data, then one row per system for each number of earlier sets.
    pub results: Vec<SystemResult>,
    /// Every summary, cluster by cluster.
    #[serde(skip)]
    pub summaries: Vec<SystemSummary>,
}

/// Summarizes every cluster with every system and scores it against the
/// cluster's references (the mean over references where there are several).
///
/// Every system's output is cut at exactly `words` words, as ROUGE's length
/// limit does, and may let its last sentence run past the budget so that
/// none is scored on a shorter text than another.
///
/// A cluster that follows earlier sets ([`Task::earlier`]) gets chorus's
/// update brief (what is new given them); the baselines summarize its new
/// articles alone.
///
/// `weights` are chorus's scorer weights (normally [`Weights::default`]).
pub fn evaluate(tasks: &[Task], systems: &[System], words: usize, weights: &Weights) -> Evaluation {
    // Scoring has its own vocabulary; each system gets a fresh one, so that
    // every system's speed includes stemming its words for the first time,
    // as a fresh `chorus summarize` does.
    let mut rouge_vocab = Vocab::new();
    let budget = Budget {
        words,
        overflow: true,
    };
    let references: Vec<Vec<Vec<u32>>> = tasks
        .iter()
        .map(|t| {
            t.story
                .references
                .iter()
                .map(|r| rouge_vocab.terms(r))
                .collect()
        })
        .collect();
    let mut groups: Vec<usize> = tasks.iter().map(|t| t.earlier_sets).collect();
    groups.sort_unstable();
    groups.dedup();
    let mut results = Vec::new();
    let mut by_group = Vec::new();
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
        for (task, refs) in tasks.iter().zip(&references) {
            let start = Instant::now();
            let known = if system == System::Chorus {
                pipeline.known(task.earlier.clone())
            } else {
                Known::default()
            };
            let story = pipeline.prepare(task.story.clone());
            let chosen = pipeline.choose_after(&story, &known);
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
                per_cluster.push((task.earlier_sets, RougeScores::mean(&each)));
            }
            summaries.push(SystemSummary {
                id: task.story.id.clone(),
                system: system.name().to_string(),
                summary: text,
            });
        }
        let rate = tasks.len() as f64 / elapsed.as_secs_f64().max(1e-9);
        let all: Vec<RougeScores> = per_cluster.iter().map(|(_, s)| *s).collect();
        results.push(result(system, "all".to_string(), &all, rate));
        if groups.len() > 1 {
            for &group in &groups {
                let scores: Vec<RougeScores> = per_cluster
                    .iter()
                    .filter(|(g, _)| *g == group)
                    .map(|(_, s)| *s)
                    .collect();
                by_group.push(result(system, format!("earlier={group}"), &scores, rate));
            }
        }
    }
    by_group.sort_by(|a, b| a.group.cmp(&b.group));
    results.extend(by_group);
    Evaluation {
        words,
        results,
        summaries,
    }
}

fn result(system: System, group: String, scores: &[RougeScores], rate: f64) -> SystemResult {
    let mean = RougeScores::mean(scores);
    SystemResult {
        system: system.name().to_string(),
        group,
        clusters: scores.len(),
        rouge1_f: 100.0 * mean.rouge1.f1,
        rouge1_r: 100.0 * mean.rouge1.recall,
        rouge2_f: 100.0 * mean.rouge2.f1,
        rouge2_r: 100.0 * mean.rouge2.recall,
        rouge_l_f: 100.0 * mean.rouge_l.f1,
        rouge_l_r: 100.0 * mean.rouge_l.recall,
        clusters_per_second: rate,
    }
}

impl Evaluation {
    /// A fixed-width table, one row per system; with update data, a table
    /// for each number of earlier sets follows.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let mut group = None;
        for r in &self.results {
            if group != Some(&r.group) {
                if let Some(sets) = r.group.strip_prefix("earlier=") {
                    let noun = if sets == "1" { "set" } else { "sets" };
                    out.push_str(&format!("\nclusters that follow {sets} earlier {noun}:\n"));
                }
                out.push_str(&format!(
                    "{:<10} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>11}\n",
                    "system",
                    "clusters",
                    "R1-F",
                    "R1-R",
                    "R2-F",
                    "R2-R",
                    "RL-F",
                    "RL-R",
                    "clusters/s"
                ));
                group = Some(&r.group);
            }
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
