//! Quotes a report prints as its own text: the statement, memo, post or
//! tweet other reports quote, set in a report as a block of its own (a
//! page's block quotes and embedded posts lose their quotation marks when
//! the page becomes text). The report carries the quote as much as those
//! that put it in quotation marks.
//!
//! Written here: no crate finds a quote's words in running text. Printed
//! as text, a quote opens a sentence, so only the first `RUN_WORDS` words
//! of each sentence are hashed and looked up among the quotes' openings,
//! but for the turns of a transcript, where speech may start anywhere and
//! every run of `RUN_WORDS` words is looked up. A report found printing
//! one quote so prints the statement or speech it comes from, and is
//! then read whole the same way. A document's words are read whole only
//! when one of its sentences opens that way or it is a transcript.
//! Linear in the story's words, whatever the number of quotes.

use rustc_hash::{FxHashMap, FxHashSet};

use super::runs::{RUN_WORDS, each_word_hash, is_word};
use crate::scan::tokens::{Sentence, Token, TokenKind};

/// Words a quote needs for its words printed at the opening of a longer
/// sentence to be that quote rather than a phrase two writers share
/// ("said it was a matter of time"). Printed as whole sentences of their
/// own, `RUN_WORDS` are enough ("Accuracy of information is very
/// important.").
pub const PRINTED_WORDS: usize = 8;

/// Words between two pieces of a quote cut with an ellipsis, at most, in
/// the report that prints it whole.
const MAX_GAP_WORDS: usize = 80;

/// A quote's words, in the pieces an ellipsis or a bracketed insertion
/// cuts it into ("we will […] rebuild"): each piece is looked for in
/// order.
pub fn word_pieces(tokens: &[Token]) -> Vec<Vec<u64>> {
    let mut pieces: Vec<Vec<u64>> = vec![Vec::new()];
    let mut bracket = false;
    // Periods in a row: the tokenizer reads "..." as three.
    let mut periods = 0;
    for token in tokens {
        periods = if token.text == "." { periods + 1 } else { 0 };
        let cut = token.text.contains('…') || periods == 3;
        if token.text == "[" {
            bracket = true;
        }
        // An ellipsis after fewer words than a run is a pause ("Well...
        // we are going to win"), not a cut: the piece goes on.
        let pause = cut && pieces.last().is_some_and(|p| p.len() < RUN_WORDS);
        if (cut && !pause) || token.text == "[" {
            if pieces.last().is_some_and(|p| !p.is_empty()) {
                pieces.push(Vec::new());
            }
        } else if !bracket
            && is_word(token)
            && let Some(piece) = pieces.last_mut()
        {
            each_word_hash(token, |hash| piece.push(hash));
        }
        if token.text == "]" {
            bracket = false;
        }
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// A quote to look for: its document and its words in pieces.
pub struct Sought<'q> {
    /// The document that quotes it (not looked for there).
    pub document: usize,
    /// Its words, in pieces (see [`word_pieces`]).
    pub pieces: &'q [Vec<u64>],
}

/// Where a document prints a quote's words: the quote (index into the
/// sought list), the document, and the first and last word as (index
/// into the story's sentences, token index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    /// Index of the quote among those sought.
    pub quote: usize,
    /// The document printing it.
    pub document: usize,
    /// First word: (sentence index, token index).
    pub first: (usize, usize),
    /// Last word: (sentence index, token index).
    pub last: (usize, usize),
}

/// A document's words: each word's hash and place (sentence, token).
type Words = Vec<(u64, (usize, usize))>;

/// Multiplier of the rolling hash over `RUN_WORDS` word hashes.
const ROLL: u64 = 0x100_0000_01b3;

fn run_hash(words: &[u64]) -> u64 {
    words
        .iter()
        .fold(0u64, |h, &w| h.wrapping_mul(ROLL).wrapping_add(w))
}

/// Every place a document other than the quoting one prints a quote of
/// at least `RUN_WORDS` words as whole sentences of its own (each piece
/// in order), or at least [`PRINTED_WORDS`] of its words at the opening
/// of a sentence, or, in a transcript's turns, at least `RUN_WORDS` words
/// anywhere; at most once per quote and document.
/// `sentences` are the story's, in document order.
pub fn printed(sentences: &[Sentence], sought: &[Sought]) -> Vec<Printed> {
    // The quotes to look for, by the hash of their first run of words.
    let mut by_start: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (q, quote) in sought.iter().enumerate() {
        // Quotes shorter than `RUN_WORDS` words are sought nowhere.
        if quote.pieces.first().is_none_or(|p| p.len() < RUN_WORDS) {
            continue;
        }
        by_start
            .entry(run_hash(&quote.pieces[0][..RUN_WORDS]))
            .or_default()
            .push(q);
    }
    let mut found = Found::default();
    if by_start.is_empty() {
        return found.out;
    }
    let mut start = 0;
    while start < sentences.len() {
        let document = sentences[start].document;
        let end = sentences[start..]
            .iter()
            .position(|s| s.document != document)
            .map_or(sentences.len(), |n| start + n);
        // The document's words (hash and place) and where each sentence's
        // first word is among them: read only once a sentence opens with
        // a quote's first words, or a transcript's turn is read.
        let mut read: Option<(Words, Vec<usize>)> = None;
        let turns = turns(&sentences[start..end]);
        // Whether a quote of `PRINTED_WORDS` words or more is found printed
        // at a sentence's opening here: a six-word sentence may be the
        // report's own words that happen to be a quote's.
        let mut prints_a_statement = false;
        for s in start..end {
            if !sentences[s].tokens.iter().any(is_word) {
                continue;
            }
            if turns.get(s - start).is_some_and(|&turn| turn) {
                let (words, first_word) =
                    read.get_or_insert_with(|| document_words(sentences, start, end));
                let to = first_word
                    .get(s - start + 1)
                    .copied()
                    .unwrap_or(words.len());
                // A quote is spoken within one turn: the words stop where
                // the next paragraph (the next speaker) starts.
                let paragraph = sentences[s].paragraph;
                let turn_end = (s..end)
                    .find(|&t| sentences[t].paragraph != paragraph)
                    .and_then(|t| first_word.get(t - start).copied())
                    .unwrap_or(words.len());
                let turn = Anywhere {
                    words: &words[..turn_end],
                    document,
                    by_start: &by_start,
                    sought,
                    reading: Reading::Transcript,
                };
                turn.look_up(first_word[s - start]..to, &mut found);
                continue;
            }
            // A quote printed as text opens a sentence: only sentence
            // openings are looked up.
            let Some(opening) = opening(&sentences[s..end]) else {
                break;
            };
            let Some(quotes) = by_start.get(&run_hash(&opening)) else {
                continue;
            };
            // A quote opening a sentence of its own report is that quote.
            if !quotes
                .iter()
                .any(|&q| found.open(q, sought[q].document, document))
            {
                continue;
            }
            let (words, first_word) =
                read.get_or_insert_with(|| document_words(sentences, start, end));
            let at = first_word[s - start];
            for &q in quotes {
                let quote = &sought[q];
                if !found.open(q, quote.document, document) {
                    continue;
                }
                let whole = matches_at(words, at, quote.pieces)
                    .filter(|&last| whole_sentences(sentences, words[at].1, words[last].1));
                // Only an opening of `PRINTED_WORDS` words or more counts in part.
                if let Some(last) =
                    whole.or_else(|| printed_in_part(sentences, words, at, &quote.pieces[0]))
                {
                    found.add(q, document, words[at].1, words[last].1);
                    prints_a_statement |= word_count(quote.pieces) >= PRINTED_WORDS;
                }
            }
        }
        // A report that prints one quote as its own text prints the
        // statement or speech it comes from: the others are looked for
        // anywhere in it, as in a transcript's turns ("I think it's
        // important to recognize that …" inside a sentence of the speech).
        if turns.is_empty()
            && prints_a_statement
            && let Some((words, _)) = &read
        {
            let whole = Anywhere {
                words,
                document,
                by_start: &by_start,
                sought,
                reading: Reading::Statement,
            };
            whole.look_up(0..words.len(), &mut found);
        }
        start = end;
    }
    found.out
}

/// The hashes of the first `RUN_WORDS` words from the first of
/// `sentences` on, or `None` when fewer are left.
fn opening(sentences: &[Sentence]) -> Option<[u64; RUN_WORDS]> {
    let mut opening = [0u64; RUN_WORDS];
    let mut n = 0;
    for token in sentences
        .iter()
        .flat_map(|sentence| &sentence.tokens)
        .filter(|t| is_word(t))
    {
        each_word_hash(token, |hash| {
            if let Some(slot) = opening.get_mut(n) {
                *slot = hash;
                n += 1;
            }
        });
        if n == RUN_WORDS {
            return Some(opening);
        }
    }
    None
}

/// The prints found so far: at most one per quote and document.
#[derive(Default)]
struct Found {
    out: Vec<Printed>,
    seen: FxHashSet<(usize, usize)>,
}

impl Found {
    /// Whether quote `q`, quoted in document `quoted_in`, is still to be
    /// looked for in `document`.
    fn open(&self, q: usize, quoted_in: usize, document: usize) -> bool {
        quoted_in != document && !self.seen.contains(&(q, document))
    }

    fn add(&mut self, quote: usize, document: usize, first: (usize, usize), last: (usize, usize)) {
        if self.seen.insert((quote, document)) {
            self.out.push(Printed {
                quote,
                document,
                first,
                last,
            });
        }
    }
}

/// What a document read anywhere for quotes is.
#[derive(Clone, Copy)]
enum Reading {
    /// A transcript's turn: speech printed word for word, so a quote of
    /// `RUN_WORDS` words is enough, and an opening of `PRINTED_WORDS`
    /// that goes on in other words counts.
    Transcript,
    /// A report that prints a statement or speech as its own text: a
    /// quote needs `RUN_WORDS` words, printed whole (its paraphrase may
    /// start as the quote does); the phrases another report quotes from
    /// an essay ("now lies broken at our feet") are in it word for word.
    Statement,
}

/// Words of one document where quotes are looked for anywhere, every
/// run of `RUN_WORDS` words among the quotes' openings.
struct Anywhere<'a, 'q> {
    words: &'a [(u64, (usize, usize))],
    document: usize,
    by_start: &'a FxHashMap<u64, Vec<usize>>,
    sought: &'a [Sought<'q>],
    reading: Reading,
}

impl Anywhere<'_, '_> {
    /// Looks up the runs starting at the words `from` (indices into the
    /// document's words).
    fn look_up(&self, from: std::ops::Range<usize>, found: &mut Found) {
        for at in from {
            let Some(run) = self.words.get(at..at + RUN_WORDS) else {
                break;
            };
            let mut hashes = [0u64; RUN_WORDS];
            for (slot, (h, _)) in hashes.iter_mut().zip(run) {
                *slot = *h;
            }
            for &q in self.by_start.get(&run_hash(&hashes)).into_iter().flatten() {
                let quote = &self.sought[q];
                let fewest_words = match self.reading {
                    Reading::Transcript => RUN_WORDS,
                    Reading::Statement => RUN_WORDS,
                };
                if !found.open(q, quote.document, self.document)
                    || word_count(quote.pieces) < fewest_words
                {
                    continue;
                }
                let spoken = match self.reading {
                    Reading::Transcript => spoken_at(self.words, at, quote.pieces),
                    Reading::Statement => matches_at(self.words, at, quote.pieces),
                };
                if let Some(last) = spoken {
                    found.add(q, self.document, self.words[at].1, self.words[last].1);
                }
            }
        }
    }
}

fn word_count(pieces: &[Vec<u64>]) -> usize {
    pieces.iter().map(Vec::len).sum()
}

/// Where a transcript's turn speaks a quote from word `at` on (`words`
/// end with the turn): all of it (speech printed word for word), the
/// first two pieces or more of a quote cut with ellipses, or an opening
/// of at least [`PRINTED_WORDS`] words where the quote goes on in other
/// words ("before Lehman collapsed" / "before Lehman's collapse"). The
/// index of the last word.
fn spoken_at(words: &[(u64, (usize, usize))], at: usize, pieces: &[Vec<u64>]) -> Option<usize> {
    // All of it, or — a quote cut from the speech ("… ready to go ... This
    // is exactly why we need somebody …") whose later pieces the report
    // quotes in other words — as many of its pieces as the turn speaks in
    // order, two at least.
    if let Some((matched, last)) = pieces_at(words, at, pieces)
        && (matched == pieces.len() || matched >= 2)
    {
        return Some(last);
    }
    let agreeing = words[at..]
        .iter()
        .zip(&pieces[0])
        .take_while(|((word, _), quoted)| word == *quoted)
        .count();
    (agreeing >= PRINTED_WORDS).then(|| at + agreeing - 1)
}

/// Words a speaker's label in a transcript holds, at most ("SEN. JOHN
/// MCCAIN:", "GEORGE STEPHANOPOULOS:", "Q:").
const MAX_LABEL_WORDS: usize = 4;

/// Labels that open a paragraph in capitals and a colon but name no
/// speaker.
const NOT_SPEAKERS: &[&str] = &[
    "update",
    "updated",
    "correction",
    "editor's",
    "note",
    "watch",
    "related",
    "read",
    "photos",
    "photo",
    "video",
    "click",
    "see",
    "more",
    "breaking",
    "exclusive",
    "source",
    "sources",
    "warning",
    "spoiler",
    "spoilers",
    "disclosure",
    "advertisement",
    // Explainers' headings ("WHY IT MATTERS:", "WHAT COMES NEXT:").
    "what",
    "why",
    "how",
    "next",
    "matters",
    "background",
    "timeline",
    "analysis",
];

/// The speaker's label a paragraph opens with, in capitals and a colon
/// ("PRESIDENT OBAMA: Well, I don't think…"), lower-cased.
fn speaker_label(sentence: &Sentence) -> Option<String> {
    let colon = sentence
        .tokens
        .iter()
        .take(2 * MAX_LABEL_WORDS + 1)
        .position(|t| t.text == ":")?;
    let label = &sentence.tokens[..colon];
    let words: Vec<&Token> = label.iter().filter(|t| t.kind == TokenKind::Word).collect();
    let capitals = |t: &Token| {
        t.text.chars().any(char::is_alphabetic) && !t.text.chars().any(char::is_lowercase)
    };
    let speaker = (1..=MAX_LABEL_WORDS).contains(&words.len())
        && label
            .iter()
            .all(|t| t.kind == TokenKind::Word || t.text == ".")
        && words.iter().all(|t| capitals(t))
        && !words.iter().any(|t| NOT_SPEAKERS.contains(&t.lower()));
    speaker.then(|| sentence.text[label[0].start..label[label.len() - 1].end].to_lowercase())
}

/// Which of one document's sentences are a speaker's turn in a
/// transcript: the paragraphs that open with a speaker's label, where the
/// document holds at least three such paragraphs, two speakers and one
/// speaking twice (an exchange, not headings that happen to end in a
/// colon); empty when the document is no transcript.
fn turns(document: &[Sentence]) -> Vec<bool> {
    let opens_paragraph = |s: usize| s == 0 || document[s - 1].paragraph != document[s].paragraph;
    let labelled: Vec<(usize, String)> = (0..document.len())
        .filter(|&s| opens_paragraph(s))
        .filter_map(|s| speaker_label(&document[s]).map(|label| (s, label)))
        .collect();
    // Speakers take turns: one of them at least speaks twice, where
    // headings in capitals each come once.
    let speakers: FxHashSet<&str> = labelled.iter().map(|(_, l)| l.as_str()).collect();
    if labelled.len() < 3 || speakers.len() < 2 || speakers.len() == labelled.len() {
        return Vec::new();
    }
    let mut labels = labelled.iter().map(|&(s, _)| s).peekable();
    let mut turn = vec![false; document.len()];
    let mut in_turn = false;
    for (s, is_turn) in turn.iter_mut().enumerate() {
        if opens_paragraph(s) {
            in_turn = labels.next_if_eq(&s).is_some();
        }
        *is_turn = in_turn;
    }
    turn
}

/// The words of sentences `start..end` (one document): each word's hash
/// and place (sentence, token), and the index of each sentence's first
/// word among them.
fn document_words(sentences: &[Sentence], start: usize, end: usize) -> (Words, Vec<usize>) {
    let mut words = Vec::new();
    let mut first_word = Vec::with_capacity(end - start);
    for (s, sentence) in sentences.iter().enumerate().take(end).skip(start) {
        first_word.push(words.len());
        for (k, token) in sentence.tokens.iter().enumerate() {
            if is_word(token) {
                each_word_hash(token, |hash| words.push((hash, (s, k))));
            }
        }
    }
    (words, first_word)
}

/// Whether the words from `first` to `last` (sentence, token) are whole
/// sentences: a statement or post set as text fills its sentences, where
/// a phrase a report takes into its own sentence ("was arraigned on
/// charges of child luring, corruption of minors and …") is the report's
/// wording, which another may quote without it being a quote here.
fn whole_sentences(sentences: &[Sentence], first: (usize, usize), last: (usize, usize)) -> bool {
    let opens = !sentences[first.0].tokens[..first.1].iter().any(is_word);
    let closes = !sentences[last.0].tokens[last.1 + 1..].iter().any(is_word);
    opens && closes
}

/// Whether the pieces are printed from word `at` on, each in order (the
/// first right there, the others within `MAX_GAP_WORDS` of the one
/// before): the index of the last word matched.
fn matches_at(words: &[(u64, (usize, usize))], at: usize, pieces: &[Vec<u64>]) -> Option<usize> {
    pieces_at(words, at, pieces)
        .filter(|&(matched, _)| matched == pieces.len())
        .map(|(_, last)| last)
}

/// How many of the pieces are printed from word `at` on, in order (the
/// first right there, each other within `MAX_GAP_WORDS` of the one
/// before), at least the first, and the index of the last word matched.
fn pieces_at(
    words: &[(u64, (usize, usize))],
    at: usize,
    pieces: &[Vec<u64>],
) -> Option<(usize, usize)> {
    let same = |from: usize, piece: &[u64]| {
        words
            .get(from..from + piece.len())
            .is_some_and(|w| w.iter().map(|(h, _)| h).eq(piece.iter()))
    };
    let first = pieces.first()?;
    if !same(at, first) {
        return None;
    }
    let mut next = at + first.len();
    let mut matched = 1;
    for piece in &pieces[1..] {
        let end = (next + MAX_GAP_WORDS).min(words.len());
        let Some(found) = (next..end).find(|&i| same(i, piece)) else {
            break;
        };
        next = found + piece.len();
        matched += 1;
    }
    Some((matched, next - 1))
}

/// Where a report prints the opening of a quote as whole sentences of
/// its own and goes on differently (a post it cuts short, a quote that
/// runs on past the post): the last word of the longest such opening of
/// at least [`PRINTED_WORDS`] words.
fn printed_in_part(
    sentences: &[Sentence],
    words: &[(u64, (usize, usize))],
    at: usize,
    first_piece: &[u64],
) -> Option<usize> {
    let agreeing = words[at..]
        .iter()
        .zip(first_piece)
        .take_while(|((word, _), quoted)| word == *quoted)
        .count();
    (PRINTED_WORDS..=agreeing)
        .rev()
        .map(|n| at + n - 1)
        .find(|&last| whole_sentences(sentences, words[at].1, words[last].1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::tokens::{sentences_static, tokenize_static};

    fn pieces_of(text: &'static str) -> Vec<Vec<u64>> {
        word_pieces(&tokenize_static(text))
    }

    /// The quotes to look for, each as (quoting document, its pieces).
    fn looking_for<'p>(quotes: &[(usize, &'p Vec<Vec<u64>>)]) -> Vec<Sought<'p>> {
        quotes
            .iter()
            .map(|&(document, pieces)| Sought { document, pieces })
            .collect()
    }

    #[test]
    fn a_statement_printed_as_text_carries_the_quote() {
        let sentences = sentences_static(&[
            (0, "UConn sent the following statement:"),
            (
                0,
                "Jeffny Pally was a talented, ambitious, promising young woman.",
            ),
            (0, "The entire university community joins her family."),
            (1, "The fire truck ran over Pally."),
        ]);
        let whole = pieces_of("Jeffny Pally was a talented, ambitious, promising young woman");
        // Cut, across the statement's two sentences.
        let cut = pieces_of(
            "Jeffny Pally was a talented, ambitious, promising young woman … The entire university community joins her family",
        );
        let short = pieces_of("a talented, ambitious woman");
        // Words a report takes into a sentence of its own: the statement
        // prints them too, inside its sentence.
        let inside = pieces_of("was a talented, ambitious, promising young woman");
        let sought = looking_for(&[
            (1, &whole),
            (1, &cut),
            (1, &short),
            (1, &inside),
            // Not looked for in its own document.
            (0, &whole),
        ]);
        let found = printed(&sentences, &sought);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[0].quote, found[0].document), (0, 0));
        assert_eq!(found[0].first, (1, 0));
        assert_eq!(found[1].quote, 1);
        assert_eq!((found[1].first.0, found[1].last.0), (1, 2));
        assert_eq!((found[2].quote, found[2].first), (3, (1, 2)));
    }

    #[test]
    fn a_report_printing_a_speech_carries_its_quotes_anywhere_in_it() {
        let speech = [
            (1, "The judge conducted the trial in a professional manner."),
            (
                1,
                "And I think it's important to recognize that the African American community looks at this through a history that doesn't go away.",
            ),
        ];
        let opening = pieces_of("The judge conducted the trial in a professional manner");
        // Inside a sentence of the speech, hyphenated one way and not the other.
        let inside = pieces_of(
            "it’s important to recognize that the African-American community looks at this",
        );
        // Six words quoted from inside it, and five, which are sought nowhere.
        let phrase = pieces_of("a history that doesn't go away");
        let shorter = pieces_of("history that doesn't go away");
        let sought = looking_for(&[(0, &opening), (0, &inside), (0, &phrase), (0, &shorter)]);
        let found = printed(&sentences_static(&speech), &sought);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[1].quote, found[1].first), (1, (1, 3)));
        assert_eq!((found[2].quote, found[2].first), (2, (1, 16)));
        // A report that prints none of them at a sentence's opening is not
        // read inside its sentences.
        let sought = looking_for(&[(0, &inside)]);
        assert!(printed(&sentences_static(&speech), &sought).is_empty());
    }

    #[test]
    fn a_short_quote_is_found_only_as_a_whole_sentence() {
        let sentences = sentences_static(&[
            (0, "Accuracy of information is very important."),
            (0, "It was only a matter of time before this happened."),
        ]);
        // Six words printed as a sentence of their own: the letter's words.
        let whole = pieces_of("Accuracy of information is very important");
        // Seven words that open a longer sentence: a phrase two writers share.
        let opening = pieces_of("It was only a matter of time");
        let sought = looking_for(&[(1, &whole), (1, &opening)]);
        let found = printed(&sentences, &sought);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].quote, found[0].first, found[0].last),
            (0, (0, 0), (0, 5))
        );
    }

    #[test]
    fn apostrophes_and_punctuation_do_not_matter() {
        let sentences = sentences_static(&[(1, "No, I’m not running for Congress! Happy 4/1!")]);
        let quote = pieces_of("No, I'm not running for Congress. Happy 4/1");
        let and = pieces_of("what distinguishes Fast and Furious is that it is original");
        let sentences_and = sentences_static(&[(
            1,
            "What distinguishes FAST & FURIOUS is that it is original.",
        )]);
        let sought = looking_for(&[(0, &and)]);
        assert_eq!(printed(&sentences_and, &sought).len(), 1);
        let sought = looking_for(&[(0, &quote)]);
        assert_eq!(printed(&sentences, &sought).len(), 1);
        // A post cut short: its opening sentences printed, then other words.
        let post = sentences_static(&[
            (1, "Upgraded to 5.0.1 this morning."),
            (1, "Still draining at the exact same rate."),
            (1, "Another user wrote that nothing changed."),
        ]);
        let quote = pieces_of(
            "Upgraded to 5.0.1 this morning. Still draining at the exact same rate. Unplugged it and it died",
        );
        let sought = looking_for(&[(0, &quote)]);
        let found = printed(&post, &sought);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].first, found[0].last.0), ((0, 0), 1));
    }

    /// A document's sentences, each paragraph given as its sentences.
    fn paragraphs(document: usize, texts: &[&[&'static str]]) -> Vec<Sentence<'static>> {
        let mut out = Vec::new();
        for (paragraph, sentences) in texts.iter().enumerate() {
            for text in sentences.iter() {
                out.push(Sentence {
                    document,
                    position: out.len(),
                    paragraph,
                    text,
                    tokens: tokenize_static(text),
                });
            }
        }
        out
    }

    #[test]
    fn a_transcript_speaks_the_pieces_of_a_cut_quote_it_holds_in_order() {
        let turns: &[&[&'static str]] = &[
            &["GEORGE STEPHANOPOULOS: What about the banks?"],
            &[
                "PRESIDENT OBAMA: And this is exactly why we need this consumer finance-- protection bureau that we set up that is ready to go.",
                "And what we need is a confirmation of the person I've appointed.",
                "But this is exactly why we need somebody who's sole job it is to prevent this kind of stuff from happening.",
                "You have to treat them fairly.",
            ],
            &["GEORGE STEPHANOPOULOS: Thank you, Mr. President."],
        ];
        let transcript = paragraphs(1, turns);
        // The report quoting it cuts it twice and words its last piece
        // its own way.
        let cut = pieces_of(
            "This is exactly why we need this Consumer Finance Protection Bureau that we set up that is ready to go ... This is exactly why we need somebody who's sole job it is to prevent this kind of stuff from happening. ... You can stop it if you say to the banks that they must treat customers fairly",
        );
        let found = printed(&transcript, &looking_for(&[(0, &cut)]));
        assert_eq!(found.len(), 1, "{found:?}");
        // From the first piece through the second, in the turn's third
        // sentence (the story's fourth).
        assert_eq!((found[0].first.0, found[0].last.0), (1, 3), "{found:?}");
    }

    #[test]
    fn an_ellipsis_after_a_few_words_is_a_pause() {
        assert_eq!(pieces_of("Well... we are going to win this state").len(), 1);
        let cut = pieces_of(
            "We are going to win this state ... and then we will win the country in November",
        );
        assert_eq!(cut.len(), 2);
    }

    #[test]
    fn a_cut_quote_s_pieces_are_spoken_within_one_turn() {
        let turns: &[&[&'static str]] = &[
            &["GEORGE STEPHANOPOULOS: What about the banks?"],
            &[
                "PRESIDENT OBAMA: We need to make sure the banks are held accountable for what they did.",
            ],
            &[
                "GEORGE STEPHANOPOULOS: But the American people will never again trust a bank, will they?",
            ],
            &["PRESIDENT OBAMA: I think they will."],
        ];
        let cut = pieces_of(
            "We need to make sure the banks are held accountable ... the American people will never again trust a bank",
        );
        let found = printed(&paragraphs(1, turns), &looking_for(&[(0, &cut)]));
        // Found by its opening, which goes on in other words: the
        // interviewer's turn holds none of it.
        assert!(found.iter().all(|p| p.last.0 == 1), "{found:?}");
    }

    #[test]
    fn a_transcript_speaks_a_quote_anywhere_in_a_turn() {
        let turns: &[&[&'static str]] = &[
            &["GEORGE STEPHANOPOULOS: Are people better off?"],
            &[
                "PRESIDENT OBAMA: Well, I don't think so.",
                "What we've seen is that we've been able to make steady progress to stabilize the economy.",
                "I-- I'm used to being an underdog.",
            ],
            &["GEORGE STEPHANOPOULOS: Thank you, Mr. President."],
        ];
        let transcript = paragraphs(1, turns);
        let progress =
            pieces_of("we've been able to make steady progress to stabilize the economy");
        let underdog = pieces_of("I'm used to being an underdog");
        let phrase = pieces_of("to make steady progress");
        let sought = looking_for(&[(0, &progress), (0, &underdog), (0, &phrase)]);
        let found = printed(&transcript, &sought);
        let quotes: Vec<usize> = found.iter().map(|p| p.quote).collect();
        assert_eq!(quotes, vec![0, 1], "{found:?}");
        assert_eq!(found[0].first, (2, 5));
        // The same words in a report's own sentences, not at their
        // opening and not in a transcript: the report's wording.
        let report: &[&[&'static str]] = &[
            &["UPDATE: He spoke on Sunday."],
            &["He said that we've been able to make steady progress to stabilize the economy."],
        ];
        assert!(printed(&paragraphs(1, report), &sought).is_empty());
        // Nor under headings in capitals, which each come once.
        let explainer: &[&[&'static str]] = &[
            &["WHAT HAPPENED: He spoke on Sunday."],
            &[
                "WHY IT MATTERS: He said we've been able to make steady progress to stabilize the economy.",
            ],
            &["RELATED: Markets rose."],
            &["WATCH: The interview."],
            &["PRESIDENT OBAMA: I'm used to being an underdog."],
            &["HOST: Thank you."],
            &["CORRESPONDENT: He left."],
        ];
        assert!(printed(&paragraphs(1, explainer), &sought).is_empty());
    }
}
