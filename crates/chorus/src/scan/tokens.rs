//! Tokens with byte offsets, for the compare stage's pattern scanners.
//!
//! The summarizer's tokens (see [`crate::prepare::terms`]) are lowercased stems
//! without positions; quantities, dates, quotes and names need the text as
//! written, where each token starts, and whether it was glued to the one
//! before ("5bn", "$300").

/// A tokenized sentence of a document that counts.
pub struct Sentence<'a> {
    /// Index of the document in the story.
    pub document: usize,
    /// Index of the sentence in the document.
    pub position: usize,
    /// Index of its paragraph in the document.
    pub paragraph: usize,
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token<'a>>,
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, apostrophes or
    /// periods ("al-Nasser", "U.S.", "G20", "35-year-old", "PM2.5").
    Word,
    /// Digits with inner separators ("1,200", "5,00,000", "2.5").
    Number,
    /// Digits, a colon and two digits ("17:00").
    Clock,
    /// Any other single character that is not a space.
    Symbol,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Byte offset of its first character in the sentence.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Word, number, clock time or symbol.
    pub kind: TokenKind,
    /// No space between this token and the one before.
    pub glued: bool,
    /// The token in ASCII lower case, a slice of the lowered sentence:
    /// the scanners compare every token against word lists and must not
    /// allocate to do so.
    lower: &'a str,
    /// What the word can start or signal (flags from `scan::lexicon`).
    pub flags: u16,
    /// The id of the word's stem when it is a content word, given by the
    /// reader of words the tokenizer was handed ([`tokenize_with`]; the
    /// compare stage's interner) and [`NO_STEM`] otherwise: every reader of
    /// a word's stem then finds it on the token instead of hashing the
    /// word again.
    pub stem: u32,
}

/// The `stem` of a token no stem was given.
pub const NO_STEM: u32 = u32::MAX;

/// What a reader of words knows of a lower-case word: its lexicon
/// flags and, when it is a content word, its stem id ([`NO_STEM`] when
/// not, or when the reader keeps no stems).
pub trait WordInfo {
    /// The flags and stem id of a lower-case word.
    fn word(&mut self, lower: &str) -> (u16, u32);
}

/// The lexicon alone: flags, no stems.
struct Lexicon;

impl WordInfo for Lexicon {
    fn word(&mut self, lower: &str) -> (u16, u32) {
        (super::lexicon::flags(lower), NO_STEM)
    }
}

impl<'a> Token<'a> {
    fn new(
        text: &'a str,
        lower: &'a str,
        kind: TokenKind,
        glued: bool,
        start: usize,
        words: &mut impl WordInfo,
    ) -> Self {
        let (flags, stem) = if kind == TokenKind::Word {
            words.word(lower)
        } else {
            (0, NO_STEM)
        };
        Token {
            text,
            start,
            end: start + text.len(),
            kind,
            glued,
            lower,
            flags,
            stem,
        }
    }

    /// The token in lower case (ASCII letters only).
    pub fn lower(&self) -> &'a str {
        self.lower
    }

    /// Whether the token carries lexicon flag `flag`.
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Whether the token is the word `word` in any case.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// Whether the token starts with an upper-case letter.
    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character at byte `i` of `text` and its length in bytes; ASCII
/// without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(i)?;
    if byte < 0x80 {
        return Some((byte as char, 1));
    }
    text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

fn is_digit_at(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

/// Splits `text` into tokens; `lower` is `text.to_ascii_lowercase()`
/// (one allocation per sentence, which every token's lower case slices).
pub fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<Token<'a>> {
    tokenize_with(text, lower, &mut Lexicon)
}

/// [`tokenize`], each word's flags and stem taken from `words`: a reader
/// that keeps both finds a word once for the two.
pub fn tokenize_with<'a>(
    text: &'a str,
    lower: &'a str,
    words: &mut impl WordInfo,
) -> Vec<Token<'a>> {
    // Lowering ASCII keeps every byte offset; anything else is a misuse.
    let lower = if lower.len() == text.len() {
        lower
    } else {
        text
    };
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 5 + 1);
    let mut i = 0;
    let mut last_end = usize::MAX;
    while let Some((c, len)) = char_at(text, i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        let glued = last_end == start;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            let mut clock = false;
            while let Some(&b) = bytes.get(i) {
                if b.is_ascii_digit() {
                    i += 1;
                } else if matches!(b, b',' | b'.') && is_digit_at(text, i + 1) {
                    i += 2;
                } else if b == b':'
                    && !clock
                    && is_digit_at(text, i + 1)
                    && is_digit_at(text, i + 2)
                    && !is_digit_at(text, i + 3)
                {
                    clock = true;
                    i += 3;
                } else {
                    break;
                }
            }
            // "35-year-old", "COVID-19"-like compounds read as one word.
            let compound = !clock
                && bytes.get(i) == Some(&b'-')
                && char_at(text, i + 1).is_some_and(|(c, _)| c.is_alphabetic());
            if compound {
                i = word_end(text, i);
                kind = TokenKind::Word;
            } else if clock {
                kind = TokenKind::Clock;
            } else {
                kind = TokenKind::Number;
            }
        } else if is_word_char(c) {
            i = word_end(text, i);
            kind = TokenKind::Word;
        } else {
            i += len;
            // LDC newswire writes quotation marks as `` and '': one token
            // each, so that quotes read them as they read “ and ”.
            if matches!(c, '`' | '\'') && bytes.get(i) == Some(&(c as u8)) {
                i += 1;
            }
            kind = TokenKind::Symbol;
        }
        tokens.push(Token::new(
            &text[start..i],
            &lower[start..i],
            kind,
            glued,
            start,
            words,
        ));
        last_end = i;
    }
    tokens
}

/// End (byte offset) of a word starting at `i`: alphanumerics joined by
/// single hyphens, apostrophes, or periods in initialisms ("U.S.") and
/// between digits ("M7.5").
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Most words are ASCII letters: skipped without decoding.
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        if is_word_char(c) {
            i += len;
            continue;
        }
        let next = char_at(text, i + len);
        if matches!(c, '-' | '\'' | '’' | '‐') && next.is_some_and(|(n, _)| is_word_char(n)) {
            if let Some((_, next_len)) = next {
                i += len + next_len;
            }
            continue;
        }
        // "M7.5", "magnitude-7.8": a figure's decimals inside a word stay
        // in it, not a sentence's stop before a new figure ("5 earthquake").
        let decimals = c == '.'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if decimals {
            i += 2;
            continue;
        }
        // U.S. / U.N. / U.K.: letter, period, letter, period. The two
        // characters before the period are read only here.
        let initialism = c == '.'
            && next.is_some_and(|(n, _)| n.is_uppercase())
            && next.is_some_and(|(_, n_len)| bytes.get(i + 1 + n_len) == Some(&b'.'))
            && {
                let mut back = text[..i].chars();
                let previous = back.next_back();
                let before_previous = back.next_back();
                previous.is_some_and(char::is_uppercase)
                    && !before_previous.is_some_and(is_word_char)
            };
        if initialism && let Some((_, next_len)) = next {
            i += 1 + next_len + 1;
            continue;
        }
        break;
    }
    i
}

/// Tokenizes text that lives for the whole run (tests, constants).
#[cfg(test)]
pub fn tokenize_static(text: &'static str) -> Vec<Token<'static>> {
    let lower: &'static str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
    tokenize(text, lower)
}

/// Sentences of static text as (document, text) pairs, numbered in order,
/// each a paragraph of its own (tests).
#[cfg(test)]
pub fn sentences_static(texts: &[(usize, &'static str)]) -> Vec<Sentence<'static>> {
    texts
        .iter()
        .enumerate()
        .map(|(position, &(document, text))| Sentence {
            document,
            position,
            paragraph: position,
            text,
            tokens: tokenize_static(text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &'static str) -> Vec<&'static str> {
        let lower: &'static str = Box::leak(s.to_ascii_lowercase().into_boxed_str());
        tokenize(s, lower).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn newswire_quotation_marks_are_one_token_each() {
        assert_eq!(
            texts("``We won't,'' he said; 'no'."),
            vec![
                "``", "We", "won't", ",", "''", "he", "said", ";", "'", "no", "'", "."
            ]
        );
    }

    #[test]
    fn numbers_words_and_symbols() {
        assert_eq!(
            texts("About 5,00,000 people, $2.5bn at 17:00 (al-Nasser's)."),
            vec![
                "About",
                "5,00,000",
                "people",
                ",",
                "$",
                "2.5",
                "bn",
                "at",
                "17:00",
                "(",
                "al-Nasser's",
                ")",
                "."
            ]
        );
        let tokens = tokenize("$2.5bn", "$2.5bn");
        assert!(tokens[1].glued && tokens[2].glued);
        assert_eq!(tokens[1].kind, TokenKind::Number);
    }

    #[test]
    fn compounds_and_initialisms() {
        assert_eq!(
            texts("a 35-year-old U.S. officer, twenty-two."),
            vec![
                "a",
                "35-year-old",
                "U.S.",
                "officer",
                ",",
                "twenty-two",
                "."
            ]
        );
        assert_eq!(texts("1,200."), vec!["1,200", "."]);
        // A figure's decimals inside a word are the word's; a stop after
        // it still ends the sentence.
        assert_eq!(
            texts("an M7.5 quake, PM2.5 and G20."),
            vec!["an", "M7.5", "quake", ",", "PM2.5", "and", "G20", "."]
        );
    }
}
