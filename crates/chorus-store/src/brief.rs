//! A stored story's brief: how it is made from the story's articles, and
//! what of it the `stories` row keeps beside the JSON.

use chorus::model::{Article, FactStatus, StoryInput};
use chorus::{Detail, Pipeline};

use crate::StoreError;

/// Words of each story's stored brief.
const BRIEF_WORDS: usize = 150;

/// How a stored story's brief is made: chorus's summarizer within
/// [`BRIEF_WORDS`], with the compare stage, and each document's sentences
/// kept so that pages can link to them.
pub(crate) fn pipeline() -> Pipeline {
    Pipeline::new().words(BRIEF_WORDS).detail(Detail::Pages)
}

/// A built brief, as the `stories` row keeps it.
pub(crate) struct Brief {
    /// The report, as JSON.
    pub json: String,
    /// Conflicting facts in it.
    pub conflicts: i64,
    /// Its headline (the title most sources' words agree with), which
    /// replaces the first article's once the brief exists.
    pub headline: Option<String>,
}

/// Builds the brief of story `story` from its articles, in the order they
/// were stored.
pub(crate) fn build(
    story: i64,
    articles: Vec<Article>,
    pipeline: &mut Pipeline,
) -> Result<Brief, StoreError> {
    let input = StoryInput::story(format!("story-{story}"), articles);
    let report = pipeline.brief_stories(vec![input]);
    let json =
        serde_json::to_string(&report).map_err(|source| StoreError::Report { story, source })?;
    let conflicts = report
        .stories
        .iter()
        .flat_map(|s| &s.facts)
        .filter(|f| f.status == FactStatus::Conflict)
        .count();
    Ok(Brief {
        json,
        conflicts: conflicts as i64,
        headline: report.stories.first().map(|s| s.headline.clone()),
    })
}

/// The brief of what arrived in story `story`: `new` summarized given
/// `earlier` ([`Pipeline::after`]), each summary sentence citing the new
/// articles that state it. Built on each call, never kept: every `since`
/// makes another brief.
pub(crate) fn since(
    story: i64,
    earlier: Vec<Article>,
    new: Vec<Article>,
) -> Result<String, StoreError> {
    let input = StoryInput::story(format!("story-{story}"), new);
    let report = pipeline().after(earlier).brief_stories(vec![input]);
    serde_json::to_string(&report).map_err(|source| StoreError::Report { story, source })
}
