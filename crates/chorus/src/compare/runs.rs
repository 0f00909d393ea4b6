//! Runs of words two wordings of a quote share: the evidence that two
//! reports print the same quote when neither wording holds the other
//! whole — one report cuts it where the other goes on, splits it in
//! two, merges it with the next remark, or changes a word of it.
//!
//! Each wording is reduced to the hashes of its runs of `RUN_WORDS`
//! words, sorted, so that two wordings are compared by one merge of two
//! sorted lists: no pairwise work beyond the comparison of quotes that
//! grouping already does.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::stems::content_word;
use crate::scan::tokens::{Token, TokenKind};

/// Words in a run. Six words printed in the same order by two reports
/// are a quote they share; five are often a stock phrase ("be able to
/// adapt to", "a lot of people who").
pub const RUN_WORDS: usize = 6;
/// Content words a run needs: "I don't know what to" is anyone's.
const RUN_CONTENT_WORDS: usize = 2;

/// The hash of a word already in lower case, curly and straight
/// apostrophes one.
fn hash_word(lower: &str) -> u64 {
    let mut hasher = FxHasher::default();
    if !lower.is_ascii() && lower.contains('’') {
        hasher.write(lower.replace('’', "'").as_bytes());
    } else {
        hasher.write(lower.as_bytes());
    }
    hasher.finish()
}

/// Calls `f` with the hash of each of a token's words: one, or one per
/// part of a hyphenated word ("African-American" is "African American",
/// "spicy-sweet" is "spicy sweet": reports hyphenate one text
/// differently). "&" is "and" ("Fast & Furious").
pub fn each_word_hash(token: &Token, mut f: impl FnMut(u64)) {
    let text = token.text;
    if text == "&" {
        f(hash_word("and"));
    } else if token.kind != TokenKind::Word
        || !text.contains('-')
        || text.starts_with('-')
        || text.ends_with('-')
    {
        f(hash_word(token.lower()));
    } else {
        token.lower().split('-').for_each(|part| f(hash_word(part)));
    }
}

/// Whether a token is a word of a quote's wording (punctuation is not:
/// reports punctuate one text differently).
pub fn is_word(token: &Token) -> bool {
    matches!(token.kind, TokenKind::Word | TokenKind::Number) || token.text == "&"
}

/// The hashes of every run of `RUN_WORDS` words in `tokens` that holds
/// `RUN_CONTENT_WORDS` content words, sorted and without repeats.
/// Punctuation does not break a run (reports punctuate one quote
/// differently), curly and straight apostrophes are one, and so are a
/// hyphenated word and its parts.
pub fn word_runs(tokens: &[Token]) -> Vec<u64> {
    // Each word is hashed once, and a run's hash is made of its words'
    // hashes: hashing every word again for each of the six runs it is in
    // was most of this function's cost. A hyphenated word is its parts.
    let mut words: Vec<(u64, bool)> = Vec::with_capacity(tokens.len());
    for token in tokens.iter().filter(|t| is_word(t)) {
        // A hyphenated word counts as one content word at most ("so-called",
        // "one-on-one" are no more telling for their parts).
        let mut content = content_word(token).is_some();
        each_word_hash(token, |hash| {
            words.push((hash, content));
            content = false;
        });
    }
    let mut runs: Vec<u64> = words
        .windows(RUN_WORDS)
        .filter(|run| run.iter().filter(|(_, content)| *content).count() >= RUN_CONTENT_WORDS)
        .map(|run| {
            let mut hasher = FxHasher::default();
            for (word, _) in run {
                hasher.write_u64(*word);
            }
            hasher.finish()
        })
        .collect();
    runs.sort_unstable();
    runs.dedup();
    runs
}

/// Whether two sorted lists of run hashes share one.
pub fn share_a_run(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::tokens::tokenize_static;

    fn runs(text: &'static str) -> Vec<u64> {
        word_runs(&tokenize_static(text))
    }

    #[test]
    fn wordings_that_overlap_share_a_run() {
        let cut =
            runs("When the dam broke the water rose faster than anyone in the valley had expected");
        let other = runs(
            "The water rose faster than anyone in the valley had expected, we lost the school",
        );
        assert!(share_a_run(&cut, &other));
    }

    #[test]
    fn punctuation_and_apostrophes_do_not_break_a_run() {
        let a = runs("Trayvon Martin could have been me, 35 years ago");
        let b = runs("Trayvon Martin could have been me 35 years ago");
        assert!(share_a_run(&a, &b));
        let c = runs("I don’t suggest I have all the answers");
        let d = runs("I don't suggest I have all the answers");
        assert!(share_a_run(&c, &d));
        // Nor does a hyphen.
        let e = runs("very few African-American men who have not been followed");
        let f = runs("very few African American men who have not been followed");
        assert!(share_a_run(&e, &f));
        assert!(e.iter().all(|run| f.contains(run)));
    }

    #[test]
    fn a_stock_phrase_is_no_shared_run() {
        let a = runs("We will do all we can to help the families");
        let b = runs("We will do all we can for the fishermen");
        assert!(!share_a_run(&a, &b));
        assert!(runs("I don't know what to do about it").is_empty());
    }
}
