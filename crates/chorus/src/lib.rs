//! chorus: many reports of one event in, one attributed story out.
//!
//! The pipeline, one module per stage:
//! [`ingest`] → [`clean`] → [`segment`] → [`index`] (over [`terms`]) →
//! [`dedup`] and [`language`] → [`summarize`] → [`attribute`] → [`compare`] →
//! [`report`] → [`render`]; [`cluster`] groups loose articles into stories and
//! [`store`] keeps articles and stories in SQLite as they arrive, and
//! [`serve`] shows them over HTTP; [`eval`]
//! scores summaries with ROUGE against reference summaries. [`model`] is
//! the data model the stages share.

#![warn(missing_docs)]

pub mod attribute;
pub mod cluster;
pub mod compare;
pub mod ingest;
pub mod model;
pub mod prepare;
pub mod render;
pub mod report;
pub mod summarize;

use model::{Report, StoryInput};
use prepare::Story;
use prepare::terms::Vocab;
use summarize::{Budget, System};

/// How much a brief holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    /// The summary and its sources only.
    Summary,
    /// The summary and the compare stage's sections.
    Compare,
    /// Both, and every document's sentences (for pages that show them).
    Pages,
}

/// Splits loose articles into stories, summarizes each story with `system`
/// within `budget`, compares what the sources say (from [`Detail::Compare`])
/// and builds the report.
pub fn brief(stories: Vec<StoryInput>, system: System, budget: Budget, detail: Detail) -> Report {
    let mut vocab = Vocab::new();
    // Loose articles may tell several stories; cluster lines are one each.
    let stories: Vec<StoryInput> = stories
        .into_iter()
        .flat_map(|story| cluster::split_loose(story, &mut vocab))
        .collect();
    let prepared: Vec<Story> = stories
        .into_iter()
        .map(|s| Story::prepare(s, &mut vocab))
        .collect();
    let reports = prepared
        .iter()
        .map(|story| {
            let chosen = system.summarize(story, budget);
            if detail >= Detail::Compare {
                report::story_report(story, &chosen)
            } else {
                report::summary_report(story, &chosen)
            }
        })
        .collect();
    let mut report = report::report(&prepared, reports);
    if detail == Detail::Pages {
        report::attach_sentences(&mut report, &prepared);
    }
    report
}
