//! Stems of the content words around claims and inside quotes, interned
//! so that facts and quotes compare contexts as sets of numbers.

use rustc_hash::FxHashMap;

use crate::prepare::terms::porter_stem;
use crate::scan::lexicon;
use crate::scan::tokens::{NO_STEM, Token, TokenKind, WordInfo};

/// Interns context stems for cheap set comparisons; stemming is cached
/// per word, as most words come back many times in a story.
#[derive(Default)]
pub struct Stems {
    ids: FxHashMap<String, u32>,
    /// Words of up to 15 bytes by their `lexicon::packed` key, the
    /// longer ones by their text.
    by_short_word: FxHashMap<u128, Word>,
    by_word: FxHashMap<String, Word>,
}

/// What is kept of a word: its stem's id, its lexicon flags and whether
/// it is a content word. The tokenizer asks for the flags of every word
/// and the compare stage for the stem of every content word: one lookup
/// serves both (two lookups of every word were a tenth of the stage).
#[derive(Clone, Copy)]
struct Word {
    stem: u32,
    flags: u16,
    content: bool,
}

impl Stems {
    /// The id of a (lower-case) word's stem.
    pub fn id(&mut self, word: &str) -> u32 {
        self.word_of(word).stem
    }

    fn word_of(&mut self, word: &str) -> Word {
        let short = lexicon::packed(word);
        let known = match short {
            Some(key) => self.by_short_word.get(&key),
            None => self.by_word.get(word),
        };
        if let Some(&known) = known {
            return known;
        }
        let stem = porter_stem(word);
        let next = self.ids.len() as u32;
        let flags = lexicon::flags(word);
        let entry = Word {
            stem: *self.ids.entry(stem).or_insert(next),
            flags,
            content: is_content(word, flags),
        };
        match short {
            Some(key) => self.by_short_word.insert(key, entry),
            None => self.by_word.insert(word.to_string(), entry),
        };
        entry
    }

    /// How many distinct words have been stemmed (the cache's size).
    pub fn words(&self) -> usize {
        self.by_short_word.len() + self.by_word.len()
    }

    /// The stem id of a token when it is a content word: the one its
    /// tokenizer gave it (see [`WordInfo`]), or looked up now.
    pub fn of(&mut self, token: &Token) -> Option<u32> {
        if token.stem != NO_STEM {
            return Some(token.stem);
        }
        content_word(token).map(|w| self.id(w))
    }

    /// Sorted, distinct stem ids of the content words in `tokens`.
    pub fn content(&mut self, tokens: &[Token]) -> Vec<u32> {
        let mut ids: Vec<u32> = tokens.iter().filter_map(|t| self.of(t)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

impl WordInfo for Stems {
    fn word(&mut self, lower: &str) -> (u16, u32) {
        let word = self.word_of(lower);
        (word.flags, if word.content { word.stem } else { NO_STEM })
    }
}

/// A token's lower-case form when it is a content word.
pub fn content_word<'t>(token: &'t Token) -> Option<&'t str> {
    if token.kind != TokenKind::Word {
        return None;
    }
    let lower = token.lower();
    is_content(lower, token.flags).then_some(lower)
}

/// Whether a lower-case word with lexicon flags `flags` is a content word:
/// three bytes or more, letters and hyphens only, not a function word.
fn is_content(lower: &str, flags: u16) -> bool {
    if lower.len() < 3 || flags & lexicon::FUNCTION != 0 {
        return false;
    }
    // Most words are ASCII: their bytes are read without decoding.
    if lower.is_ascii() {
        lower.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    } else {
        lower.chars().all(|c| c.is_alphabetic() || c == '-')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::tokens::{tokenize, tokenize_with};

    #[test]
    fn words_read_with_stems_keep_their_flags_and_get_their_stems() {
        let text = "The ministers' talks in Geneva, which began on Friday, lasted 3 hours.";
        let lower = text.to_ascii_lowercase();
        let mut stems = Stems::default();
        let plain = tokenize(text, &lower);
        let read = tokenize_with(text, &lower, &mut stems);
        assert_eq!(plain.len(), read.len());
        for (a, b) in plain.iter().zip(&read) {
            assert_eq!((a.text, a.flags), (b.text, b.flags));
            match content_word(a) {
                Some(word) => assert_eq!(b.stem, stems.id(word), "{}", a.text),
                None => assert_eq!(b.stem, NO_STEM, "{}", a.text),
            }
        }
        // "talks" and "talk" share a stem; "the" and "which" have none.
        let talk = read.iter().find(|t| t.text == "talks").map(|t| t.stem);
        assert_eq!(talk, Some(stems.id("talk")));
        assert!(
            read.iter()
                .filter(|t| t.stem == NO_STEM)
                .any(|t| t.text == "which")
        );
    }
}
