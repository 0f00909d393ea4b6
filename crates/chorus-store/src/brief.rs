//! A stored story's brief: how it is made from the story's articles, and
//! what of it the `stories` row keeps beside the JSON.

use chorus::model::{Article, FactStatus, StoryInput};
use chorus::{Detail, Pipeline};

use crate::StoreError;

/// Words of each story's stored brief.
const BRIEF_WORDS: usize = 150;

/// What a story's `failed` says while its brief is being built: left there
/// when the process ends mid-build (killed, out of memory), so that the
/// next start does not try again and end the same way. Cleared by the
/// build that finishes and by any article joining the story.
pub(crate) const INTERRUPTED: &str =
    "its build did not finish (the process building it ended, or is building it now)";

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
/// were stored. A panic in the pipeline is [`StoreError::BuildFailed`] with
/// the panic's message, and `pipeline` is replaced, as it may be left
/// half-updated: one story the pipeline cannot handle must not take a
/// server down with it.
pub(crate) fn build(
    story: i64,
    articles: Vec<Article>,
    pipeline: &mut Pipeline,
) -> Result<Brief, StoreError> {
    let input = StoryInput::story(format!("story-{story}"), articles);
    let report = match guarded(|| pipeline.brief_stories(vec![input])) {
        Ok(report) => report,
        Err(reason) => {
            *pipeline = self::pipeline();
            return Err(StoreError::BuildFailed { story, reason });
        }
    };
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

/// Runs a build, turning a panic into the reason kept for the story.
fn guarded<T>(build: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        format!("the pipeline panicked: {message}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_build_is_a_reason_not_a_crash() {
        assert_eq!(guarded(|| 7), Ok(7));
        let failed = guarded(|| -> usize { panic!("sentence graph too big") });
        assert_eq!(
            failed,
            Err("the pipeline panicked: sentence graph too big".to_string())
        );
        let id = 3;
        let failed = guarded(|| -> usize { panic!("story {id}") });
        assert_eq!(failed, Err("the pipeline panicked: story 3".to_string()));
    }
}
