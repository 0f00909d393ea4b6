//! Moving a store from one database to another (`chorus store copy`): every
//! row as it is, through [`crate::Store::export`] and [`crate::Store::import`].

use crate::Record;

/// What a copy moved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct CopySummary {
    /// Stories copied.
    pub stories: usize,
    /// Articles copied.
    pub articles: usize,
    /// Term frequencies copied.
    pub terms: usize,
    /// Centroid entries copied.
    pub story_terms: usize,
    /// Story names copied.
    pub story_particulars: usize,
}

impl CopySummary {
    /// Counts one row copied.
    pub(crate) fn count(&mut self, record: &Record) {
        match record {
            Record::Story { .. } => self.stories += 1,
            Record::Article { .. } => self.articles += 1,
            Record::Term { .. } => self.terms += 1,
            Record::StoryTerm { .. } => self.story_terms += 1,
            Record::StoryParticular { .. } => self.story_particulars += 1,
        }
    }
}
