//! Tokens with byte offsets, for the compare stage's pattern scanners.
//!
//! The summarizer's tokens (see [`crate::terms`]) are lowercased stems
//! without positions; quantities, dates, quotes and names need the text as
//! written, where each token starts, and whether it was glued to the one
//! before ("5bn", "$300").

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, apostrophes or
    /// periods ("al-Nasser", "U.S.", "G20", "35-year-old").
    Word,
    /// Digits with inner separators ("1,200", "5,00,000", "2.5").
    Number,
    /// Digits, a colon and two digits ("17:00").
    Clock,
    /// Any other single character that is not a space.
    Symbol,
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl Token<'_> {
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

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let glued = last_end == start;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            let mut clock = false;
            while let Some(c) = at(i) {
                if c.is_ascii_digit() {
                    i += 1;
                } else if matches!(c, ',' | '.') && at(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    i += 2;
                } else if c == ':'
                    && !clock
                    && at(i + 1).is_some_and(|d| d.is_ascii_digit())
                    && at(i + 2).is_some_and(|d| d.is_ascii_digit())
                    && !at(i + 3).is_some_and(|d| d.is_ascii_digit())
                {
                    clock = true;
                    i += 3;
                } else {
                    break;
                }
            }
            // "35-year-old", "COVID-19"-like compounds read as one word.
            if !clock && at(i) == Some('-') && at(i + 1).is_some_and(char::is_alphabetic) {
                i = word_end(&chars, i);
                kind = TokenKind::Word;
            } else {
                kind = if clock {
                    TokenKind::Clock
                } else {
                    TokenKind::Number
                };
            }
        } else if is_word_char(c) {
            i = word_end(&chars, i);
            kind = TokenKind::Word;
        } else {
            i += 1;
            kind = TokenKind::Symbol;
        }
        let end = offset(i);
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
            kind,
            glued,
        });
        last_end = end;
    }
    tokens
}

/// End (char index) of a word starting at `i`: alphanumerics joined by
/// single hyphens, apostrophes or (in initialisms like "U.S.") periods.
fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    while let Some(c) = at(i) {
        if is_word_char(c) {
            i += 1;
        } else if matches!(c, '-' | '\'' | '’' | '‐') && at(i + 1).is_some_and(is_word_char) {
            i += 2;
        } else if c == '.'
            && at(i + 1).is_some_and(char::is_uppercase)
            && at(i + 2) == Some('.')
            && i >= 1
            && at(i - 1).is_some_and(char::is_uppercase)
            && (i < 2 || !at(i - 2).is_some_and(is_word_char))
        {
            // U.S. / U.N. / U.K.: letter, period, letter, period.
            i += 3;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
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
        let tokens = tokenize("$2.5bn");
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
    }
}
