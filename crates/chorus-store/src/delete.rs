//! Removing a story, the same on either database: its articles' share of
//! the term frequencies is taken back first, so that idf is as if they had
//! never been stored; centroids of other stories are left as they are.

use rustc_hash::FxHashMap;

use chorus::prepare::terms::Vocab;

use crate::StoreError;
use crate::incremental::read_article;
use crate::tables::Tables;

/// Deletes `story` and its articles in the caller's transaction (which
/// holds the placing lock); how many articles went, or `None` when there
/// is no such story.
pub(crate) fn delete(tables: &mut dyn Tables, story: i64) -> Result<Option<usize>, StoreError> {
    let mut vocab = Vocab::new();
    let mut gone: FxHashMap<String, i64> = FxHashMap::default();
    for article in tables.story_texts(story)? {
        for term in read_article(&article, &mut vocab).counts.into_keys() {
            *gone.entry(term).or_default() += 1;
        }
    }
    let mut terms: Vec<&str> = gone.keys().map(String::as_str).collect();
    terms.sort_unstable();
    let stored = tables.documents(&terms)?;
    let lowered: Vec<(&str, i64)> = terms
        .iter()
        .map(|&term| {
            let now = stored.get(term).copied().unwrap_or(0);
            (term, (now - gone[term]).max(0))
        })
        .collect();
    tables.write_documents(&lowered)?;
    tables.remove_story(story)
}
