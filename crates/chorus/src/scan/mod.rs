//! Scan: the hand-written readers of figures, dates and times in running
//! text, over one tokenizer and one lexicon of word lists.
//!
//! No crate reads lakh and crore, news qualifiers ("more than", "tens of
//! thousands") or dates written relative to a publication day, so these
//! are written here. They sit below every stage that reads text: ingest
//! reads publication dates written in words with them, and the compare
//! stage reads every sentence of a story with them. [`controls`] finds
//! terminal control codes, for ingest to strip and renderers to escape.

pub mod controls;
pub mod dates;
pub(crate) mod lexicon;
pub mod quantity;
pub mod tokens;
