//! Compare: what the sources say about the same numbers, dates, quotes
//! and names, and where they disagree.

pub mod dates;
pub mod quantity;
pub mod tokens;
