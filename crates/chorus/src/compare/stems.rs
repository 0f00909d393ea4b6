//! Stems of the content words around claims and inside quotes, interned
//! so that facts and quotes compare contexts as sets of numbers.

use rustc_hash::FxHashMap;

use crate::prepare::terms::porter_stem;
use crate::scan::lexicon;
use crate::scan::tokens::{NO_STEM, Token, TokenKind};

/// Interns context stems for cheap set comparisons; stemming is cached
/// per word, as most words come back many times in a story.
#[derive(Default)]
pub struct Stems {
    ids: FxHashMap<String, u32>,
    /// Words of up to 15 bytes by their `lexicon::packed` key, the
    /// longer ones by their text.
    by_short_word: FxHashMap<u128, u32>,
    by_word: FxHashMap<String, u32>,
}

impl Stems {
    /// The id of a (lower-case) word's stem.
    pub fn id(&mut self, word: &str) -> u32 {
        let short = lexicon::packed(word);
        let known = match short {
            Some(key) => self.by_short_word.get(&key),
            None => self.by_word.get(word),
        };
        if let Some(&id) = known {
            return id;
        }
        let stem = porter_stem(word);
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(stem).or_insert(next);
        match short {
            Some(key) => self.by_short_word.insert(key, id),
            None => self.by_word.insert(word.to_string(), id),
        };
        id
    }

    /// How many distinct words have been stemmed (the cache's size).
    pub fn words(&self) -> usize {
        self.by_short_word.len() + self.by_word.len()
    }

    /// Gives each content word of `tokens` its stem id (`Token::stem`),
    /// once per story: the readers after this one hash no word again.
    pub fn assign(&mut self, tokens: &mut [Token]) {
        for token in tokens {
            if let Some(word) = content_word(token) {
                token.stem = self.id(word);
            }
        }
    }

    /// The stem id of a token when it is a content word: the one given by
    /// [`Stems::assign`], or looked up now.
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

/// A token's lower-case form when it is a content word.
pub fn content_word<'t>(token: &'t Token) -> Option<&'t str> {
    if token.kind != TokenKind::Word || token.text.len() < 3 {
        return None;
    }
    let lower = token.lower();
    if token.has(lexicon::FUNCTION) {
        return None;
    }
    // Most words are ASCII: their bytes are read without decoding.
    let letters = if lower.is_ascii() {
        lower.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    } else {
        lower.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    letters.then_some(lower)
}
