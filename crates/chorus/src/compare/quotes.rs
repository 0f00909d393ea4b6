//! Quotes: quoted speech with its speaker, grouped across outlets.
//!
//! A speaker is the name next to a reporting verb on either side of the
//! quote ("…," Nasser said / Nasser said, "…" / according to Nasser); "he"
//! or "she" is the person last named before the quote in the same
//! report, "the president" the person last named with that title. Quotes
//! group when their words agree — the same wording, a run of six words
//! printed by both (a quote cut, split or merged differently), one inside
//! the other, half their content words shared, or 35% shared and the same
//! speaker (a quote translated twice shares few words). A wording that
//! merges remarks other reports print apart is a wording of each.

use rustc_hash::{FxHashMap, FxHashSet};

use super::entities::{Entities, is_possessive, names_the_addressee, pronoun_fits};
use super::posts;
use super::printed;
use super::runs::{RUN_WORDS, is_word, share_a_run, word_runs};
use super::stems::Stems;
use crate::model::{EntityKind, Quote, QuoteVariant};
use crate::prepare::limits::thousands;
use crate::scan::lexicon;
use crate::scan::tokens::{Sentence, Token, TokenKind};

/// Sentences a quote left without its closing mark may run on for.
const MAX_QUOTE_SENTENCES: usize = 4;
/// Sentences a block quote runs on for at most: its paragraph ends it
/// first, as a rule (a reply printed below "Cosby's reply:" runs seven).
const MAX_BLOCK_SENTENCES: usize = 8;
/// Quotes shorter than this are scare quotes or titles, not speech.
const MIN_QUOTE_WORDS: usize = 3;
/// Content words a quote inside another needs to count as the same quote
/// ("bogus arbitration proceeding" does; "shut her up" may be a phrase two
/// quotes share).
const MIN_CONTAINED_WORDS: usize = 2;
/// Words (any words) a quote inside another needs to count as the same
/// quote when fewer of them are content words than `MIN_CONTAINED_WORDS`
/// asks: "I'm the victim here" inside a longer remark is that remark.
/// Four are enough for a fragment a reporter weaves into a sentence
/// (the driver "tried to kill me", inside the musher's "Someone tried to
/// kill me with a snowmachine"); a remark of four words whole ("I don't
/// know that") is anyone's.
const CONTAINED_WORDS: usize = 5;
/// Quotes grouped per story at most. Grouping compares each quote with
/// those before it; the most any story of the evaluation data holds is
/// 357 (WikiRef220).
pub const MAX_QUOTES: usize = 2_000;
/// Content-word Dice at which two quotes are the same quote.
const SAME_QUOTE: f32 = 0.5;
/// Content words two quotes share at least to be one quote by their
/// likeness alone: "I don't know if they're thinking about the future"
/// and "she didn't know" share one.
const MIN_SHARED_WORDS: usize = 2;
/// … when they have the same speaker (a quote translated twice shares
/// few words), sharing at least two content words.
const SAME_SPEAKER_QUOTE: f32 = 0.35;

/// Groups at most that hold a word for the word to find the groups a
/// wording that merges remarks may also join.
const MAX_HOLDERS: usize = 32;

/// Content-word Dice at which two long quotes are the same words printed
/// twice, whoever each report says spoke them.
const VERBATIM: f32 = 0.8;
/// Content words a quote needs for `VERBATIM` to apply.
const VERBATIM_WORDS: usize = 6;

/// Quotes grouped across outlets, and for each the wording every
/// document used (document index, text), for evaluation.
pub type Quotes = (Vec<Quote>, Vec<Wordings>);

/// The wording each document used for one quote: (document index, text).
pub type Wordings = Vec<(usize, String)>;

/// A quote found in one sentence.
#[derive(Debug, Clone)]
struct QuoteMention {
    document: usize,
    sentence: usize,
    /// Byte span of the quoted words in the sentence.
    span: (usize, usize),
    text: String,
    /// The wording's key ([`wording_key`]) between two spaces: equal
    /// wordings have equal keys, and the pieces of a cut wording are looked
    /// for in it as whole words (see `pieces_within`).
    padded: String,
    stems: Vec<u32>,
    /// The content words that tell this quote from the story's own
    /// narrative: `stems` without the words most reports use outside
    /// quotes ("home", "school" in a story on home schooling).
    telling: Vec<u32>,
    /// The pieces of the wording between ellipses and bracketed
    /// insertions, keyed as `key`: "we will […] rebuild" is in "we will
    /// soon rebuild". Each between two spaces, as `padded`; empty when the
    /// wording is whole (its one piece is its key), as most are.
    pieces: Vec<String>,
    speaker: Option<usize>,
    /// The last word of the speaker's name, in lower case, when the
    /// speaker is a person: "Dunn" and "Michael Dunn", read as two names
    /// in two reports, are one speaker when quotes are compared, and only
    /// two people tell two quotes apart ("UCPD" for one quote and an
    /// officer for the other is more likely a misreading).
    surname: Option<String>,
    /// A speaker that is no entity of its own, as written: "Assad's
    /// office", "the ministry's spokesman".
    speaker_phrase: Option<String>,
    /// The content words (stems) the wording capitalises past its first
    /// word: names ("World War II", "Musashi") two remarks on one subject
    /// share without being one remark.
    named_words: Vec<u32>,
    /// The speaker is named where the quote is printed (in its sentence,
    /// or the next one for a question), not read from a pronoun, a title
    /// or the quote before: when reports differ on who speaks, a name
    /// printed beside the quote outweighs "he said" read against the last
    /// person named.
    named: bool,
    /// Hashes of the runs of words the wording holds (`runs`): a wording
    /// that shares one with another is the same quote cut or split
    /// differently.
    runs: Vec<u64>,
    /// Printed by a copy of another report: a source of the quote that
    /// does not add to its support.
    copy: bool,
    /// Where the quoted words are among the sentences read: (sentence
    /// index, first token, end token), for finding the quote printed as
    /// another report's own text (`printed`). None for such a print.
    tokens: Option<(usize, usize, usize)>,
}

impl QuoteMention {
    /// Lower-case letters and digits only: equal wordings compare equal.
    fn key(&self) -> &str {
        &self.padded[1..self.padded.len() - 1]
    }
}

/// A wording's padded key and its cut pieces (see [`QuoteMention`]).
fn keyed(text: &str) -> (String, Vec<String>) {
    let key = wording_key(text);
    let pieces = cut_pieces(text, &key);
    (format!(" {key} "), pieces)
}

/// The surname that tells a speaker apart when the speaker is a person.
fn surname_of(speaker: Option<usize>, entities: &Entities) -> Option<String> {
    speaker
        .map(|e| &entities.list[e])
        .filter(|e| e.kind == EntityKind::Person)
        .and_then(|e| surname(&e.name))
}

/// Words of a quoted stretch: its tokens but the symbols.
fn word_count(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Symbol)
        .count()
}

fn is_open(token: &Token) -> bool {
    matches!(token.text, "\"" | "“" | "``" | "''")
}

/// The quotation marks a report prints speech in: double ones, as most
/// do, or single ones (‘…’), as some British papers do — curly, or
/// straight ('…') as some print them, the straight mark read as opening
/// when glued to the word after it and as closing when glued to the one
/// before. An apostrophe inside a word ("children’s", "isn't") is part of
/// the word's token; a single mark standing alone marks a quote in a
/// report that uses more of them to open quotes than it prints double
/// marks at all; and a curly ‘ opening a sentence or after a colon, as
/// headlines print speech in any report ("Rapinoe responds: ‘It’s
/// unbelievable. Saddened by it.’").
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    single: bool,
}

impl Marks {
    /// The marks of each document among `sentences`.
    fn of_documents(sentences: &[Sentence]) -> Vec<Marks> {
        let documents = sentences.iter().map(|s| s.document + 1).max().unwrap_or(0);
        // Per document: single marks that open a quote, double marks.
        let mut counts = vec![(0usize, 0usize); documents];
        for sentence in sentences {
            let count = &mut counts[sentence.document];
            let tokens = &sentence.tokens;
            for (k, token) in tokens.iter().enumerate() {
                if token.kind != TokenKind::Symbol {
                    continue;
                }
                if opens_single(tokens, k) {
                    count.0 += 1;
                } else if is_open(token) || is_close(token) {
                    count.1 += 1;
                }
            }
        }
        counts
            .into_iter()
            .map(|(single, double)| Marks {
                single: single >= 2 && single > double,
            })
            .collect()
    }

    fn opens(self, tokens: &[Token], k: usize) -> bool {
        is_open(&tokens[k])
            || (self.single && opens_single(tokens, k))
            || (tokens[k].text == "‘"
                && (k == 0 || tokens[k - 1].text == ":")
                && !elides(tokens.get(k + 1)))
    }

    /// Whether token `k` closes a quote. A lone ’ after a plural and
    /// before a word is a possessive ("the victims’ families"), not a
    /// closing mark.
    fn closes(self, tokens: &[Token], k: usize) -> bool {
        is_close(&tokens[k])
            || (self.single && self.closes_single(tokens, k))
            || closes_single_at_end(tokens, k)
    }

    fn closes_single(self, tokens: &[Token], k: usize) -> bool {
        let possessive = k > 0
            && tokens[k - 1].kind == TokenKind::Word
            && tokens[k - 1].text.ends_with(['s', 'S'])
            && tokens.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word);
        let straight_closing = tokens[k].text == "'"
            && k > 0
            && tokens[k].glued
            && !tokens
                .get(k + 1)
                .is_some_and(|t| t.glued && t.kind != TokenKind::Symbol);
        (tokens[k].text == "’" || straight_closing) && !possessive
    }

    /// Whether token `close` closes the quote token `open` opened: a
    /// single mark closes only a single one (‘He called it “a disgrace”,’
    /// she said), a double mark a double one.
    fn partners(self, tokens: &[Token], open: usize, close: usize) -> bool {
        if opens_single(tokens, open) {
            self.closes_single(tokens, close)
        } else {
            is_close(&tokens[close])
        }
    }
}

/// Whether the token after a ‘ shows the mark is an apostrophe typed the
/// wrong way round: before a figure ("‘90s") or a clipped word ("‘til",
/// "‘em", "‘cause").
fn elides(next: Option<&Token>) -> bool {
    next.is_some_and(|t| {
        t.text.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                t.lower(),
                "til" | "em" | "cause" | "bout" | "n" | "tis" | "twas"
            )
    })
}

/// Whether token `k` is a curly ’ that ends its sentence (but for a
/// closing bracket), as the quote a headline opens after a colon ends
/// in any report ("…: ‘It’s unbelievable. Saddened by it.’]"); not one
/// that closes a ‘ of its own sentence ("their full ‘genetic
/// potential.’").
fn closes_single_at_end(tokens: &[Token], k: usize) -> bool {
    tokens[k].text == "’"
        && k > 0
        && matches!(tokens[k - 1].text, "." | "!" | "?" | "…")
        && tokens[k + 1..].iter().all(|t| matches!(t.text, "]" | ")"))
        && !tokens[..k].iter().any(|t| t.text == "‘")
}

/// Whether token `k` is a single mark that opens a quote: ‘, or a
/// straight ' glued to the word after it and not to the one before
/// ('Kim's mapping out 2012 …'), unless a figure follows ("the '90s").
fn opens_single(tokens: &[Token], k: usize) -> bool {
    match tokens[k].text {
        "‘" => true,
        "'" => {
            // Glued to the word or mark before, it is an apostrophe
            // ("Co.'s"), except after an opening bracket or a dash; a
            // figure after it is no word ("the '90s").
            (k == 0 || !tokens[k].glued || matches!(tokens[k - 1].text, "(" | "[" | "“" | "—"))
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.glued && t.kind == TokenKind::Word)
        }
        _ => false,
    }
}

/// A mark that both opens and closes: a straight quotation mark, or the
/// two apostrophes some newswire prints at both ends (''At the end of
/// the day,'' Slater said).
fn is_ambiguous(token: &Token) -> bool {
    matches!(token.text, "\"" | "''")
}

fn is_close(token: &Token) -> bool {
    matches!(token.text, "\"" | "”" | "''")
}

/// A quoted span in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    /// The tokens inside the marks.
    inside: (usize, usize),
    /// It continues a quote opened in an earlier sentence.
    continued: bool,
    /// Token index of the opening mark, when the quote opens here.
    open: Option<usize>,
    /// Token index of the closing mark (the sentence length if none).
    close: usize,
}

impl Span {
    /// The place of a block quote introduced by a sentence of `len`
    /// tokens ending in a colon: after the colon, as a quote opened there
    /// would be.
    fn introducing(len: usize) -> Span {
        Span {
            inside: (len, len),
            continued: false,
            open: Some(len.saturating_sub(1)),
            close: len,
        }
    }
}

/// The quoted spans of a sentence. A quote left open runs to the end of
/// the sentence; a sentence that starts inside a quote (the segmenter
/// splits long quotes: “She's new. That's my grandchild.”) gives the
/// words before its closing mark, or all its words when it has no mark
/// (the middle of a quote three sentences long). `starts_inside` says the
/// previous sentence ended on an opening mark, which the segmenter leaves
/// there (“…” is split as `… Anastasio. “` / `We will …," Lesh said.`), or
/// inside a quote it left open.
/// `marks` are the tokens that open or close a quote ([`marks`]).
fn spans(tokens: &[Token], marks: &[usize], starts_inside: bool, style: Marks) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    if starts_inside && marks.is_empty() && !tokens.is_empty() {
        out.push(Span {
            inside: (0, tokens.len()),
            continued: true,
            open: None,
            close: tokens.len(),
        });
        return out;
    }
    if let Some(&first) = marks.first() {
        let straight = marks
            .iter()
            .filter(|&&k| tokens[k].text == tokens[first].text)
            .count();
        let closes_first = tokens[first].text == "”"
            || (style.single && style.closes_single(tokens, first))
            || closes_single_at_end(tokens, first)
            || (is_ambiguous(&tokens[first])
                && !opens_a_word(tokens, first)
                && (starts_inside
                    || (straight % 2 == 1
                        && first > 0
                        && matches!(tokens[first - 1].text, "." | "," | "?" | "!" | "…"))));
        // (A closing mark that opens the sentence, as the segmenter
        // leaves one after a stop, closes the quote with no words here.)
        if closes_first {
            if first > 0 {
                out.push(Span {
                    inside: (0, first),
                    continued: true,
                    open: None,
                    close: first,
                });
            }
            i = first + 1;
        }
    }
    while i < tokens.len() {
        if style.opens(tokens, i) {
            // A ‘ no ’ closes may be closed by a ” typed in its place
            // ("‘The aim is … bomber,” the official said"), unless a “
            // opens in between.
            let mistyped = || {
                (tokens[i].text == "‘")
                    .then(|| {
                        (i + 1..tokens.len())
                            .take_while(|&j| tokens[j].text != "“")
                            .find(|&j| tokens[j].text == "”")
                    })
                    .flatten()
            };
            let close = (i + 1..tokens.len())
                .find(|&j| style.partners(tokens, i, j))
                .or_else(mistyped)
                .unwrap_or(tokens.len());
            out.push(Span {
                inside: (i + 1, close),
                continued: false,
                open: Some(i),
                close,
            });
            i = close + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a straight mark stands apart from what comes before it and
/// glued to the word after it, as an opening mark does: `he said, "I'm
/// not sure` opens a quote after the comma where `carefully," Lesh said`
/// closes one.
fn opens_a_word(tokens: &[Token], k: usize) -> bool {
    // What may follow an opening mark: a word, a figure, a sign ("$5
    // billion"), an ellipsis or a bracket ("[The city] will…"); not the
    // punctuation that follows a closing one.
    !tokens[k].glued
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.glued && !matches!(t.text, "," | ";" | ":" | "!" | "?" | ")" | "]"))
}

/// Whether the first quotation mark in the first `limit` of `sentences`
/// (those of the first one's document) closes a quote rather than opening
/// one.
fn closes_ahead(sentences: &[Sentence], limit: usize, style: Marks) -> bool {
    let document = sentences.first().map(|s| s.document);
    for sentence in sentences
        .iter()
        .take(limit)
        .take_while(|s| Some(s.document) == document)
    {
        let tokens = &sentence.tokens;
        if let Some(k) = (0..tokens.len()).find(|&k| is_mark(tokens, k, style)) {
            return if is_ambiguous(&tokens[k]) {
                !opens_a_word(tokens, k)
            } else {
                style.closes(tokens, k)
            };
        }
    }
    false
}

/// The tokens of a sentence that open or close a quote in `style`.
fn marks(tokens: &[Token], style: Marks) -> Vec<usize> {
    (0..tokens.len())
        .filter(|&k| is_mark(tokens, k, style))
        .collect()
}

/// Whether token `k` opens or closes a quote in `style`. A mark is a
/// symbol: words and figures are passed over without comparing them with
/// each mark.
fn is_mark(tokens: &[Token], k: usize, style: Marks) -> bool {
    tokens[k].kind == TokenKind::Symbol && (style.opens(tokens, k) || style.closes(tokens, k))
}

/// Whether a sentence's last token opens a quote: a “, or a straight
/// mark that is the sentence's odd one out.
fn ends_open(tokens: &[Token], style: Marks) -> bool {
    tokens.last().is_some_and(|t| {
        let straight = tokens.iter().filter(|u| u.text == t.text).count();
        matches!(t.text, "“" | "``")
            || (style.single && opens_single(tokens, tokens.len() - 1))
            || (is_ambiguous(t)
                && straight % 2 == 1
                && tokens.len() > 1
                && !matches!(tokens[tokens.len() - 2].text, "." | "," | "?" | "!" | "…"))
    })
}

/// Whether quoted words are a title ("Gone with the Wind", "Fare Thee
/// Well"): two or more words besides function words, all capitalised,
/// and no lower-case word but those title case leaves small (articles,
/// short prepositions, conjunctions). "Things Ms. Alcorn and I can do" is
/// speech: a title would print "Can Do".
fn is_title(inside: &[Token]) -> bool {
    let words: Vec<&Token> = inside
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.has(crate::scan::lexicon::FUNCTION))
        .collect();
    let small = |t: &Token| {
        t.capitalized()
            || matches!(
                t.lower(),
                "a" | "an"
                    | "the"
                    | "and"
                    | "or"
                    | "nor"
                    | "but"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "by"
                    | "with"
                    | "from"
                    | "as"
                    | "into"
                    | "upon"
            )
    };
    // "Count on Me", "With Your Love": one word besides function words,
    // but every word capitalised as a title prints them.
    let capitalized = inside
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.capitalized())
        .count();
    (1..=8).contains(&words.len())
        && capitalized >= 2
        && words.iter().all(|t| t.capitalized())
        && inside
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .all(small)
}

/// Words at most in a phrase the reporter puts in quotation marks inside
/// a sentence of their own: a term ("special military operation"), not
/// speech.
const SCARE_QUOTE_WORDS: usize = 4;

/// Whether a quoted span is a term the sentence holds in quotation marks
/// rather than speech: a few lower-case words named as a thing, after an
/// article or possessive or a verb of naming (Assad backed what Moscow
/// calls a "special military operation"; the "temporary border measure").
/// A fragment of speech ("they would be "on the run" for a while", "the
/// talks had been "frank and useful"") is kept.
fn is_scare_quote(tokens: &[Token], span: Span) -> bool {
    let Some(before) = span.open.and_then(|open| open.checked_sub(1)) else {
        return false;
    };
    let inside = &tokens[span.inside.0..span.inside.1];
    let words = inside.iter().filter(|t| t.kind == TokenKind::Word).count();
    let lower_start = inside
        .first()
        .is_some_and(|t| t.kind == TokenKind::Word && !t.capitalized());
    let named = matches!(
        lower(&tokens[before]),
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "so-called"
            | "called"
            | "calls"
            | "call"
            | "dubbed"
            | "termed"
            | "branded"
    );
    words <= SCARE_QUOTE_WORDS
        && lower_start
        && named
        && !inside
            .iter()
            .any(|t| t.text.ends_with(['.', '!', '?']) || t.text == ",")
}

/// Finds every quote, attributes it, and groups the wordings. `copies`
/// are the sentences of reports that copy another (wire reprints): their
/// quotes are listed with the same quote's other sources but do not rank
/// it higher.
pub fn quotes(
    sentences: &[Sentence],
    copies: &[Sentence],
    entities: &Entities,
    ids: &[String],
    stems: &mut Stems,
    notes: &mut Vec<String>,
) -> Quotes {
    let mut found = find(sentences, entities, stems);
    // The reports' own quotes, which `narrative_words` reads around.
    let own = found.len();
    let carried = printed_as_text(sentences, &found, stems);
    found.extend(carried);
    let copied_from = found.len();
    found.extend(find(copies, entities, stems).into_iter().map(|mut m| {
        m.copy = true;
        m
    }));
    let mut common = narrative_words(sentences, &found[..own], &found, stems);
    common.extend(SPOKEN_FILLERS.iter().map(|w| stems.id(w)));
    for (i, m) in found.iter_mut().enumerate() {
        m.telling = m
            .stems
            .iter()
            .copied()
            .filter(|s| !common.contains(s))
            .collect();
        let read = if i >= copied_from { copies } else { sentences };
        m.named_words = capitalised_words(read, m.tokens, stems);
    }
    if let Some(kept) = super::keep_earliest(&mut found, MAX_QUOTES, |q| (q.sentence, q.document)) {
        notes.push(format!(
            "the reports hold {} quotes: {} were compared, each report's earliest in turn",
            thousands(kept.len()),
            thousands(MAX_QUOTES)
        ));
    }
    group(found, entities, ids)
}

/// The content words (stems) a wording at `place` (sentence index, first
/// token, end token) capitalises past its first word, as its sentence
/// prints them; none for a report's own text printed as a quote.
fn capitalised_words(
    sentences: &[Sentence],
    place: Option<(usize, usize, usize)>,
    stems: &mut Stems,
) -> Vec<u32> {
    let Some((s, first, end)) = place else {
        return Vec::new();
    };
    let tokens = sentences.get(s).map_or(&[][..], |s| s.tokens.as_slice());
    let mut words: Vec<u32> = tokens
        .get(first + 1..end)
        .unwrap_or_default()
        .iter()
        .filter(|t| t.capitalized())
        .filter_map(|t| stems.of(t))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The quotes that reports print as their own text (a statement, a memo,
/// an embedded post; see [`printed`]), one wording for each report that
/// does not quote them already.
fn printed_as_text(
    sentences: &[Sentence],
    found: &[QuoteMention],
    stems: &mut Stems,
) -> Vec<QuoteMention> {
    // Only quotes long enough to be told from a shared phrase are sought
    // (see [`printed`] for how long, where).
    let pieces: Vec<Vec<Vec<u64>>> = found
        .iter()
        .map(|m| match m.tokens {
            Some((s, first, end)) => {
                let inside = &sentences[s].tokens[first..end];
                let words = inside.iter().filter(|t| is_word(t)).count();
                if words >= RUN_WORDS {
                    printed::word_pieces(inside)
                } else {
                    Vec::new()
                }
            }
            None => Vec::new(),
        })
        .collect();
    let sought: Vec<printed::Sought> = found
        .iter()
        .zip(&pieces)
        .map(|(m, pieces)| printed::Sought {
            document: m.document,
            pieces,
        })
        .collect();
    let mut carried: Vec<QuoteMention> = Vec::new();
    let mut places: Vec<printed::Printed> = Vec::new();
    for place in printed::printed(sentences, &sought) {
        let quote = &found[place.quote];
        // The report quotes it already: in the same words, or in
        // quotation marks right where its words were found. A quote of
        // its own that merely shares a run of words with this one ("I do
        // not know your name — but …", a letter's refrain) is no print
        // of it.
        let quoted_there = found.iter().any(|m| {
            m.document == place.document
                && (m.key() == quote.key()
                    || m.tokens
                        .is_some_and(|(s, _, _)| (place.first.0..=place.last.0).contains(&s)))
        });
        // Two reports' quotes of one statement: one wording of it here.
        let seen = places
            .iter()
            .any(|p| (p.document, p.first, p.last) == (place.document, place.first, place.last));
        if quoted_there || seen {
            continue;
        }
        places.push(place);
        carried.push(wording_between(
            sentences,
            place.document,
            (place.first, place.last),
            stems,
        ));
    }
    carried
}

/// Each post a report embeds (see [`posts`]), as a quote of its poster.
fn embedded_posts(
    sentences: &[Sentence],
    entities: &Entities,
    stems: &mut Stems,
) -> Vec<QuoteMention> {
    posts::posts(sentences)
        .into_iter()
        .map(|post| {
            let mut mention =
                wording_between(sentences, post.document, (post.first, post.last), stems);
            mention.speaker = entities.index_of(&post.poster);
            mention.named = mention.speaker.is_some();
            // The signature names who posted, person or not: two posts
            // signed by two names are two posts unless printed word for
            // word ("RIP Prodigy one of the greatest" and "QB RIP King P.
            // Prodigy 4 Ever" share the story's words, not a poster).
            mention.surname = surname_of(mention.speaker, entities)
                .or_else(|| post.poster.split_whitespace().last().map(str::to_lowercase));
            if mention.speaker.is_none() {
                mention.speaker_phrase = Some(post.poster);
            }
            mention
        })
        .collect()
}

/// A report's own text from the first word given to the last, across its
/// sentences, as a quote's wording: a statement it prints, a post it
/// embeds.
fn wording_between(
    sentences: &[Sentence],
    document: usize,
    ((first_sentence, first_token), (last_sentence, last_token)): ((usize, usize), (usize, usize)),
    stems: &mut Stems,
) -> QuoteMention {
    let mut text = String::new();
    let mut content: Vec<u32> = Vec::new();
    let mut runs: Vec<u64> = Vec::new();
    for (s, sentence) in sentences
        .iter()
        .enumerate()
        .take(last_sentence + 1)
        .skip(first_sentence)
    {
        let from = if s == first_sentence { first_token } else { 0 };
        let to = if s == last_sentence {
            last_token + 1
        } else {
            sentence.tokens.len()
        };
        let tokens = &sentence.tokens[from..to];
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            continue;
        };
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence.text[first.start..last.end]);
        content.extend(stems.content(tokens));
        runs.extend(word_runs(tokens));
    }
    content.sort_unstable();
    content.dedup();
    runs.sort_unstable();
    runs.dedup();
    let start = &sentences[first_sentence];
    let begin = start.tokens[first_token].start;
    let end = if first_sentence == last_sentence {
        start.tokens[last_token].end
    } else {
        start.text.len()
    };
    let (padded, pieces) = keyed(&text);
    QuoteMention {
        document,
        sentence: start.position,
        span: (begin, end),
        padded,
        pieces,
        stems: content,
        telling: Vec::new(),
        runs,
        tokens: None,
        speaker: None,
        surname: None,
        speaker_phrase: None,
        named: false,
        named_words: Vec::new(),
        text,
        copy: false,
    }
}

/// One quote as a sentence gives it, before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    /// Index of the document in the story.
    pub document: usize,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Byte span of the quoted words in the sentence.
    pub span: (usize, usize),
    /// The entity (index into the entities' list) who says it.
    pub speaker: Option<usize>,
}

/// Every quote in `sentences` with its speaker, ungrouped.
pub fn quote_mentions(
    sentences: &[Sentence],
    entities: &Entities,
    stems: &mut Stems,
) -> Vec<FoundQuote> {
    find(sentences, entities, stems)
        .into_iter()
        .map(|m| FoundQuote {
            document: m.document,
            sentence: m.sentence,
            span: m.span,
            speaker: m.speaker,
        })
        .collect()
}

/// A quote's speaker (entity index) and whether the sentence that gives
/// it names it (see `QuoteMention::named`).
type Said = (usize, bool);

fn find(sentences: &[Sentence], entities: &Entities, stems: &mut Stems) -> Vec<QuoteMention> {
    let mut found: Vec<QuoteMention> = Vec::new();
    // The last quote of the previous sentence, which a sentence starting
    // inside a quote continues: (document, sentence, speaker).
    let mut open_quote: Option<(usize, usize, Option<Said>)> = None;
    // The previous sentence, when its last quote has a known speaker.
    let mut said_before: Option<(usize, usize, Said)> = None;
    // The sentence before, when it ended on an opening quotation mark.
    let mut ended_open: Option<(usize, usize)> = None;
    // The sentence before, when a quote it holds runs on past its end, and
    // how many sentences that quote has run so far.
    let mut left_open: Option<(usize, usize, usize)> = None;
    // A quote set as a block after the sentence that introduces it.
    let mut block: Option<Block> = None;
    let styles = Marks::of_documents(sentences);
    for (index, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let style = styles[sentence.document];
        let after = |place: Option<(usize, usize)>| {
            place == Some((sentence.document, sentence.position.wrapping_sub(1)))
        };
        // A quote left open runs into the next paragraph only when a
        // closing mark ends it there or soon after (a page that sets each
        // sentence on a line of its own); otherwise its closing mark is
        // missing, or the paragraph opens it again with a mark of its own.
        let new_paragraph = index > 0 && sentences[index - 1].paragraph != sentence.paragraph;
        let same_paragraph =
            index > 0 && sentences[index - 1].document == sentence.document && !new_paragraph;
        let running = left_open
            .filter(|&(d, s, run)| {
                after(Some((d, s)))
                    && (!new_paragraph
                        || closes_ahead(&sentences[index..], MAX_QUOTE_SENTENCES - run, style))
            })
            .map(|(.., run)| run);
        let starts_inside = after(ended_open) || running.is_some();
        ended_open = tokens
            .last()
            .filter(|_| ends_open(tokens, style))
            .map(|_| (sentence.document, sentence.position));
        let marks = marks(tokens, style);
        let mut spans = spans(tokens, &marks, starts_inside, style);
        let marked = !marks.is_empty();
        // Marks inside a block's sentence are the block's own quotes
        // ("I think that many of them say, “Well, you're a hypocrite.”");
        // a sentence that opens on a mark, or that says who speaks outside
        // its marks ("Karine Jean-Pierre told reporters, “We will …”"),
        // is a quote of its own.
        let reports_speech = || {
            let quoted = |k: usize| {
                spans
                    .iter()
                    .any(|span| span.open.unwrap_or(0) <= k && k <= span.close)
            };
            (0..tokens.len()).any(|k| !quoted(k) && is_reporting(&tokens[k]))
        };
        let opens_marked = !tokens.is_empty() && style.opens(tokens, 0);
        let nested = marked && !opens_marked && !reports_speech();
        block = block.filter(|b| {
            (!marked || nested)
                && (!starts_inside || b.taken > 0)
                && b.goes_on_to(sentence)
                && word_count(tokens) >= MIN_QUOTE_WORDS
        });
        if block.is_some() {
            spans.clear();
        }
        if let Some(b) = &mut block {
            b.take(sentence);
            // A quote's wording ends on its last word, as one in
            // quotation marks does ("…," she said).
            let text = sentence.text.trim_end_matches(['.', ' ']).to_string();
            let (padded, pieces) = keyed(&text);
            found.push(QuoteMention {
                document: sentence.document,
                sentence: sentence.position,
                span: (0, text.len()),
                speaker: b.speaker,
                surname: b.surname.clone(),
                speaker_phrase: None,
                named: false,
                named_words: Vec::new(),
                stems: stems.content(tokens),
                runs: word_runs(tokens),
                tokens: Some((index, 0, tokens.len())),
                telling: Vec::new(),
                padded,
                pieces,
                text,
                copy: false,
            });
        }
        // A quote whose closing mark is missing runs on into the next
        // sentences, up to a paragraph's worth: a stray mark does not
        // make the rest of the report a quote.
        left_open = spans
            .last()
            .filter(|span| span.close == tokens.len())
            .map(|_| running.map_or(1, |run| run + 1))
            .filter(|&run| run < MAX_QUOTE_SENTENCES)
            .map(|run| (sentence.document, sentence.position, run));
        for span in spans {
            let inside = &tokens[span.inside.0..span.inside.1];
            let words = word_count(inside);
            let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
                continue;
            };
            if words < MIN_QUOTE_WORDS || is_title(inside) || is_scare_quote(tokens, span) {
                continue;
            }
            let text = sentence.text[first.start..last.end]
                .trim_end_matches([',', ';', ':', ' '])
                .to_string();
            let bytes = (first.start, first.start + text.len());
            let (padded, pieces) = keyed(&text);
            // A quote that runs on from the sentence before is its
            // speaker's; so is one that is a sentence of its own right after
            // a speaker's quote in the same paragraph (“There were no red
            // flags,” Ms. Vargas said. “We believe this was isolated.”).
            let run_on = match open_quote {
                Some((d, s, speaker))
                    if span.continued && d == sentence.document && s + 1 == sentence.position =>
                {
                    speaker
                }
                _ => None,
            };
            let standing_alone = || match said_before {
                Some((d, s, speaker))
                    if same_paragraph
                        && d == sentence.document
                        && s + 1 == sentence.position
                        && stands_alone(tokens, span) =>
                {
                    Some(speaker)
                }
                _ => None,
            };
            // A speaker named by this sentence or the next one comes
            // before the one of the quote before (`"We won," Smith said.
            // "Did you see it?" Jones asked.`). Each with whether the
            // sentence that gives it names it (a quote carried on is named
            // as the one it carries on).
            let here =
                || speaker(sentence, span, entities).map(|e| (e, names_in(sentence, e, entities)));
            let next = || {
                speaker_next(sentences, index, span, entities)
                    .map(|e| (e, names_in(&sentences[index + 1], e, entities)))
            };
            let (speaker, named) = match run_on.or_else(here).or_else(next).or_else(standing_alone)
            {
                Some((e, named)) => (Some(e), named),
                None => (None, false),
            };
            let speaker_phrase = speaker
                .is_none()
                .then(|| speaking_body(sentence, span))
                .flatten();
            found.push(QuoteMention {
                document: sentence.document,
                sentence: sentence.position,
                span: bytes,
                speaker,
                surname: surname_of(speaker, entities),
                speaker_phrase,
                named,
                named_words: Vec::new(),
                stems: stems.content(inside),
                runs: word_runs(inside),
                tokens: Some((index, span.inside.0, span.inside.1)),
                telling: Vec::new(),
                pieces,
                text,
                padded,
                copy: false,
            });
        }
        open_quote = found
            .last()
            .filter(|m| m.document == sentence.document)
            .map(|m| {
                (
                    sentence.document,
                    sentence.position,
                    m.speaker.map(|e| (e, m.named)),
                )
            });
        // A line asked or shouted at someone is answered by another voice:
        // the quote after it is not taken for the same speaker's. (A
        // question "said" is often answered by its speaker, "Why?" he
        // said. "Because I can."; and "he told Davis" or "told reporters"
        // goes on in the same voice more often than it is answered.)
        // Read only for a sentence whose quote has a speaker.
        said_before = found
            .last()
            .filter(|m| (m.document, m.sentence) == (sentence.document, sentence.position))
            .and_then(|m| Some((m.speaker?, m.named)))
            .filter(|_| {
                !tokens
                    .iter()
                    .any(|t| ADDRESSING_VERBS.iter().any(|v| t.is(v)))
            })
            .map(|speaker| (sentence.document, sentence.position, speaker));
        if block.is_none() && !marked && introduces_block(sentence) {
            let speaker = speaker(sentence, Span::introducing(tokens.len()), entities)
                .or_else(|| first_person(sentence, entities));
            block = Some(Block {
                document: sentence.document,
                last: sentence.position,
                paragraph: sentence.paragraph,
                taken: 0,
                speaker,
                surname: surname_of(speaker, entities),
            });
        }
    }
    found.extend(embedded_posts(sentences, entities, stems));
    found
}

/// Verbs of saying that address someone who answers in the next quote.
const ADDRESSING_VERBS: &[&str] = &["asked", "asks", "shouted", "yelled", "screamed", "taunted"];

/// Whether a quote is its sentence's only words: its marks open and close
/// the sentence, nothing but punctuation outside them.
fn stands_alone(tokens: &[Token], span: Span) -> bool {
    span.open == Some(0)
        && tokens
            .get(span.close + 1..)
            .unwrap_or(&[])
            .iter()
            .all(|t| t.kind != TokenKind::Word && t.kind != TokenKind::Number)
}

/// Whether a sentence introduces a quote set as a block after it: it ends
/// in a colon and says who speaks ("In a statement, the ministry said:",
/// "Persson elaborated in a blog post:"). A page's block quotes and
/// embedded posts lose their quotation marks when the page becomes text;
/// this colon is what is left of them.
fn introduces_block(sentence: &Sentence) -> bool {
    sentence.tokens.len() >= 3 && lexicon::introduces_quote(sentence.text)
}

/// The first person named in a sentence: who a block introduced without
/// a reporting verb is by ("Persson elaborated in a blog post:").
fn first_person(sentence: &Sentence, entities: &Entities) -> Option<usize> {
    entities
        .in_document(sentence.document)
        .iter()
        .filter(|(m, e)| {
            m.sentence == sentence.position && entities.list[*e].kind == EntityKind::Person
        })
        .min_by_key(|(m, _)| m.token)
        .map(|(_, e)| *e)
}

/// A quote set as a block: the sentences after the one that introduces
/// it, in the paragraph that follows (or the rest of the introducing
/// one), up to `MAX_BLOCK_SENTENCES`.
struct Block {
    document: usize,
    /// Position of the last sentence read into the block (at first, the
    /// introducing one).
    last: usize,
    /// The paragraph the block is in (at first, the introducing one's):
    /// the first sentence taken fixes it.
    paragraph: usize,
    /// Sentences taken so far.
    taken: usize,
    speaker: Option<usize>,
    surname: Option<String>,
}

impl Block {
    /// Whether `sentence` is the block's next sentence.
    fn goes_on_to(&self, sentence: &Sentence) -> bool {
        let in_paragraph = sentence.paragraph == self.paragraph
            || (self.taken == 0 && sentence.paragraph == self.paragraph + 1);
        sentence.document == self.document
            && sentence.position == self.last + 1
            && in_paragraph
            && self.taken < MAX_BLOCK_SENTENCES
    }

    fn take(&mut self, sentence: &Sentence) {
        self.last = sentence.position;
        self.paragraph = sentence.paragraph;
        self.taken += 1;
    }
}

/// Words of talk that any two remarks may share ("I just really want to
/// be educated", "there wasn't really anything we wanted to do"): they
/// tell nothing of which remark a quote is.
const SPOKEN_FILLERS: &[&str] = &[
    "really",
    "just",
    "think",
    "know",
    "thing",
    "things",
    "lot",
    "like",
    "actually",
    "kind",
    "sort",
    "something",
    "anything",
    "everything",
    "nothing",
    "sure",
    "mean",
];

/// Content words (stems) that most reports use outside their quotes, in
/// a story of three reports or more: the story's own subject, which two
/// quotes on it share without being one quote. `found` are the quotes of
/// `sentences`, whose words are not counted; only the words of `quotes`
/// are (the only ones asked about), which spares counting the rest.
fn narrative_words(
    sentences: &[Sentence],
    found: &[QuoteMention],
    quotes: &[QuoteMention],
    stems: &mut Stems,
) -> FxHashSet<u32> {
    let mut documents: Vec<usize> = sentences.iter().map(|s| s.document).collect();
    documents.dedup();
    if documents.len() < 3 {
        return FxHashSet::default();
    }
    // (last document seen in, documents seen in) for each quoted stem.
    let mut in_documents: FxHashMap<u32, (usize, usize)> = quotes
        .iter()
        .flat_map(|m| m.stems.iter().map(|&s| (s, (usize::MAX, 0))))
        .collect();
    let mut next = 0;
    for sentence in sentences {
        // The quotes of this sentence, which `found` holds in reading order.
        while found
            .get(next)
            .is_some_and(|m| (m.document, m.sentence) < (sentence.document, sentence.position))
        {
            next += 1;
        }
        let quoted = found[next..]
            .iter()
            .take_while(|m| (m.document, m.sentence) == (sentence.document, sentence.position))
            .map(|m| m.span);
        // Each stem counts once per document, so the words are taken as
        // they come, repeats and all, without gathering them first.
        for token in &sentence.tokens {
            if quoted
                .clone()
                .any(|(a, b)| token.start >= a && token.end <= b)
            {
                continue;
            }
            let Some(stem) = stems.of(token) else {
                continue;
            };
            let Some(seen) = in_documents.get_mut(&stem) else {
                continue;
            };
            if seen.0 != sentence.document {
                *seen = (sentence.document, seen.1 + 1);
            }
        }
    }
    let reports = documents.len();
    in_documents
        .into_iter()
        .filter(|&(_, (_, n))| n >= 3 && n * 2 > reports)
        .map(|(stem, _)| stem)
        .collect()
}

/// The keys of a wording's pieces between ellipses ("…", "...") and
/// bracketed insertions ("[the president]"), which a report quoting
/// part of a quote leaves out or adds.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = [rest.find('…'), rest.find("..."), rest.find('[')]
            .into_iter()
            .flatten()
            .min();
        let (piece, after) = match cut {
            Some(i) => {
                let after = &rest[i..];
                let skip = if after.starts_with('[') {
                    after.find(']').map_or(after.len(), |c| c + 1)
                } else if after.starts_with('…') {
                    '…'.len_utf8()
                } else {
                    3
                };
                (&rest[..i], &after[skip..])
            }
            None => (rest, ""),
        };
        let key = wording_key(piece);
        if !key.is_empty() {
            out.push(key);
        }
        rest = after;
    }
    out
}

/// The pieces of a wording whose key is `key` (see [`pieces`]), or none
/// when it is whole: its one piece would be the key itself. Keying the
/// pieces of every quote anew cost as much as finding the quotes.
fn cut_pieces(text: &str, key: &str) -> Vec<String> {
    let ellipsis = || text.as_bytes().windows(3).any(|w| w == b"...");
    if !text.contains('[') && !text.contains('…') && !ellipsis() {
        return Vec::new();
    }
    let pieces = pieces(text);
    if pieces.len() == 1 && pieces[0] == key {
        return Vec::new();
    }
    pieces.iter().map(|piece| format!(" {piece} ")).collect()
}

/// Whether every piece of `short` is in `long`'s key, in order, as
/// whole words, when `short` was cut at all (a wording without ellipsis
/// or insertion is compared whole).
fn pieces_within(short: &QuoteMention, long: &QuoteMention) -> bool {
    if short.pieces.is_empty() {
        // Most wordings are whole.
        return false;
    }
    // Both padded once, when the quotes were found: every pair of quotes
    // is compared.
    let long = long.padded.as_str();
    let mut from = 0;
    short.pieces.iter().all(|word| {
        match long[from..].find(word.as_str()) {
            Some(i) => {
                // The next piece may start at this one's closing space.
                from += i + word.len() - 1;
                true
            }
            None => false,
        }
    })
}

/// A quote's words in lower case, single-spaced, without punctuation,
/// contractions spelt out: equal wordings compare equal however they were
/// punctuated, and "it's time" is "it is time".
fn wording_key(text: &str) -> String {
    // Written straight into the key in one pass: a key is made for every
    // quote, and a string per word was most of its cost.
    let mut key = String::with_capacity(text.len());
    // Where the last word starts in `key`.
    let mut last: Option<usize> = None;
    // Where the last word ended in `text`, and where this one starts.
    let mut previous_end = 0;
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    // One step past the end, which closes the last word.
    while i <= bytes.len() {
        let (alphanumeric, len) = match bytes.get(i) {
            None => (false, 1),
            Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            Some(_) => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        };
        match (start, alphanumeric) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let gap = &text[previous_end..s];
                push_word(&mut key, &mut last, gap, &text[s..i]);
                previous_end = i;
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    key
}

/// Adds a word to a wording key in lower case, or spells out the
/// contraction it makes with the word before (`last`, where that word
/// starts in `key`) when only an apostrophe (`gap`) is between them.
fn push_word(key: &mut String, last: &mut Option<usize>, gap: &str, word: &str) {
    let before = *last;
    if !key.is_empty() {
        key.push(' ');
    }
    let at = key.len();
    if word.is_ascii() {
        key.push_str(word);
        key[at..].make_ascii_lowercase();
    } else {
        key.push_str(&word.to_lowercase());
    }
    *last = Some(at);
    // Only an apostrophe between two words: "it's", "didn’t".
    let contracted = matches!(gap, "'" | "’");
    if let Some(b) = before.filter(|_| contracted)
        && let Some((whole, second)) = contraction(&key[b..at - 1], &key[at..])
    {
        key.truncate(b);
        key.push_str(&whole);
        key.push(' ');
        *last = Some(key.len());
        key.push_str(second);
    }
}

/// The two words a contraction stands for, given the word before the
/// apostrophe and the one after: ("didn", "t") is "did not", ("it",
/// "s") "it is". A possessive ("Trump's") is none.
fn contraction(before: &str, after: &str) -> Option<(String, &'static str)> {
    let whole = match after {
        "t" => {
            let stem = before.strip_suffix('n')?;
            let stem = match stem {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                _ => stem,
            };
            return (!stem.is_empty()).then(|| (stem.to_string(), "not"));
        }
        "s" if matches!(
            before,
            "it" | "that" | "he" | "she" | "there" | "here" | "what" | "who" | "where" | "let"
        ) =>
        {
            if before == "let" {
                "us"
            } else {
                "is"
            }
        }
        "re" => "are",
        "m" => "am",
        "ll" => "will",
        "ve" => "have",
        _ => return None,
    };
    Some((before.to_string(), whole))
}

fn lower<'t>(token: &'t Token) -> &'t str {
    token.lower()
}

fn is_reporting(token: &Token) -> bool {
    token.has(crate::scan::lexicon::REPORTING)
}

/// The speaker of a quote ending on a question or exclamation mark, named
/// at the start of the next sentence: the segmenter ends a sentence there
/// when a capital follows (“We never close!” Mayor Tom Reed said.).
fn speaker_next(
    sentences: &[Sentence],
    index: usize,
    span: Span,
    entities: &Entities,
) -> Option<usize> {
    let tokens = &sentences[index].tokens;
    // Only a quote that is its whole sentence: a sign "reading “Where is
    // the money?”" is no one's the next sentence names.
    let asks = span.close + 1 == tokens.len()
        && span.close > 0
        && matches!(tokens[span.close - 1].text, "?" | "!")
        && stands_alone(tokens, span);
    let next = sentences.get(index + 1)?;
    let same_paragraph =
        (next.document, next.paragraph) == (sentences[index].document, sentences[index].paragraph);
    if !asks || !same_paragraph {
        return None;
    }
    speaker_named_at(next, 0, 0, entities)
}

/// The speaker a sentence names from token `i` on: "Nasser said", "said
/// Mayor Tom Reed", "he said", "the Turkish president said" (a pronoun or
/// title read against the persons named before token `limit`).
fn speaker_named_at(
    sentence: &Sentence,
    i: usize,
    limit: usize,
    entities: &Entities,
) -> Option<usize> {
    let tokens = &sentence.tokens;
    let token = tokens.get(i)?;
    let names = names_of(sentence, entities);
    let titled_name_at = |i: usize| titled_name_at(tokens, names, i);
    // A name at `i`, after a role in lower case ("defense attorney Ray
    // Olsen"); and past names that only say whose role it is ("Microsoft
    // spokesman Frank Shaw", "former Texas Attorney General Jim Mattox",
    // "Fort Worth assistant U.S. Attorney Terry Moore"), the person who
    // holds it.
    let named_with_role = |i: usize| {
        let mut found = titled_name_at(i).or_else(|| titled_name_at(past_role(tokens, i)))?;
        for _ in 0..MAX_ROLE_WORDS {
            // A role in lower case after any name ("Academy spokeswoman
            // Leslie Unger"); a title in capitals after a name that is no
            // person's ("Texas Attorney General Jim Mattox").
            let role_end = past_role(tokens, found.0.end);
            if role_end == found.0.end && entities.list[found.1].kind == EntityKind::Person {
                break;
            }
            match titled_name_at(role_end) {
                Some(holder) if holder.0.token >= found.0.end => found = holder,
                _ => break,
            }
        }
        Some(found)
    };
    if is_reporting(token) {
        if let Some((m, e)) = named_with_role(i + 1) {
            // "said Mr. Dunn's lawyer, Ann Fisk": the one named after the
            // comma, not the one whose lawyer she is.
            if !is_possessive(&tokens[m.end - 1]) {
                return Some(*e);
            }
            return names
                .iter()
                .find(|(n, _)| {
                    n.token > m.end
                        && n.token <= m.end + MAX_TITLE_WORDS
                        && tokens[n.token - 1].text == ","
                })
                .map(|(_, e)| *e);
        }
        if let Some(e) = reference(sentence, i + 1, limit, entities) {
            return Some(e);
        }
    }
    // A verb of saying right after the name, or past one aside or two:
    // "…," Amity Shlaes, the chair of the foundation, where Mercer is a
    // trustee, told me.
    let says_after = |end: usize| {
        let first = aside_end(tokens, end);
        let second = first.and_then(|f| aside_end(tokens, f));
        [Some(end), first, second]
            .into_iter()
            .flatten()
            .any(|c| tokens.get(c).is_some_and(is_reporting))
    };
    if let Some(m) = named_with_role(i)
        && says_after(m.0.end)
    {
        return Some(m.1);
    }
    reference(sentence, i, limit, entities)
}

/// Tokens an aside between a speaker's name and the verb holds at most:
/// "Olsen, a New York Democrat, said", "Ray Olsen, who represents Dunn,
/// told reporters".
const MAX_ASIDE_TOKENS: usize = 12;

/// The token after an aside set off by commas or dashes that opens at
/// token `at` (its opening comma), if one closes within
/// [`MAX_ASIDE_TOKENS`] with no quotation mark, sentence stop or verb of
/// saying inside.
fn aside_end(tokens: &[Token], at: usize) -> Option<usize> {
    if !tokens.get(at).is_some_and(sets_off_aside) {
        return None;
    }
    let close = (at + 2..tokens.len().min(at + 2 + MAX_ASIDE_TOKENS))
        .find(|&k| sets_off_aside(&tokens[k]))?;
    (!tokens[at + 1..close].iter().any(breaks_aside)).then_some(close + 1)
}

/// A comma or a dash, which open and close an aside.
fn sets_off_aside(token: &Token) -> bool {
    matches!(token.text, "," | "—" | "–")
}

/// What no aside between a speaker's name and the verb holds: a verb of
/// saying, a stop that ends a clause, a quotation mark.
fn breaks_aside(token: &Token) -> bool {
    is_reporting(token)
        || matches!(token.text, "." | "!" | "?" | ";" | ":")
        || is_open(token)
        || is_close(token)
}

/// The speaker named before the asides that end just before the verb at
/// token `verb`: "Olsen, a New York Democrat, said"; "Amity Shlaes, the
/// chair of the Calvin Coolidge Presidential Foundation, where Rebekah
/// Mercer is a trustee, told me" (past a body to its person); "One of the
/// founders of The Robin Collective, Brandy Wright, said" (the person the
/// aside names); "Kassie Siegel of the Center for Biological Diversity,
/// who has led the suits, said" (the person of the body). A body no
/// person is named with speaks itself ("The Houston Chronicle, in an
/// editorial, said").
fn speaker_before_aside(sentence: &Sentence, verb: usize, entities: &Entities) -> Option<usize> {
    let tokens = &sentence.tokens;
    let names = names_of(sentence, entities);
    if !verb
        .checked_sub(1)
        .is_some_and(|close| sets_off_aside(&tokens[close]))
    {
        return None;
    }
    let kind = |e: usize| entities.list[e].kind;
    let names_a_body = |e: usize| matches!(kind(e), EntityKind::Organization | EntityKind::Place);
    let mut body = None;
    // Back from the verb over at most two asides, nothing inside them that
    // ends a clause or quotes.
    let earliest = verb.saturating_sub(2 * MAX_ASIDE_TOKENS + 2);
    // Two asides are set off by three marks at most.
    let mut marks = 0;
    for k in (earliest..verb).rev() {
        let t = &tokens[k];
        if breaks_aside(t) {
            break;
        }
        if !sets_off_aside(t) {
            continue;
        }
        marks += 1;
        if marks > 3 {
            break;
        }
        // ", Brandy Wright, said": the aside names the speaker.
        if let Some((_, e)) = names.iter().find(|(m, e)| {
            m.token == k + 1
                && tokens.get(m.end).is_some_and(sets_off_aside)
                && kind(*e) == EntityKind::Person
        }) {
            return Some(*e);
        }
        // The name before an aside's closing comma is the aside's own
        // ("Olsen, a New York Democrat, said").
        let Some((m, e)) = names.iter().find(|(m, _)| m.end == k && k + 1 < verb) else {
            continue;
        };
        if kind(*e) == EntityKind::Person {
            return Some(*e);
        }
        // "Kassie Siegel of the Center for …": the person before the body.
        let holder = names.iter().rev().find(|(p, e)| {
            p.end <= m.token
                && m.token - p.end <= MAX_TITLE_WORDS
                && !names_a_body(*e)
                && tokens[p.end..m.token].iter().all(|t| {
                    t.kind == TokenKind::Word && (t.has(lexicon::FUNCTION) || t.capitalized())
                })
        });
        if let Some((_, e)) = holder {
            return Some(*e);
        }
        if !names_a_body(*e) {
            return Some(*e);
        }
        body = body.or(Some(*e));
    }
    body
}

/// Lower-case words a role before a name holds at most: "defense attorney",
/// "county fire chief".
const MAX_ROLE_WORDS: usize = 3;

/// The token past the role, in lower-case words, that opens at token `i`
/// before a name: "said defense attorney Ray Olsen", "police spokesman
/// Tom Hart said". `i` itself when no such words are there. A function
/// word, a date or another verb of saying ends the role: "said on Monday
/// Smith", "said that Smith" name no one's role.
fn past_role(tokens: &[Token], i: usize) -> usize {
    let role = |t: &Token| {
        t.kind == TokenKind::Word
            && !t.capitalized()
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !t.has(lexicon::FUNCTION | lexicon::DATE | lexicon::REPORTING)
    };
    let words = tokens
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take(MAX_ROLE_WORDS + 1)
        .take_while(|t| role(t))
        .count();
    if words == 0
        || words > MAX_ROLE_WORDS
        || !tokens.get(i + words).is_some_and(Token::capitalized)
    {
        i
    } else {
        i + words
    }
}

/// Whether a sentence names entity `e` (not only a pronoun or a title
/// read as it).
fn names_in(sentence: &Sentence, e: usize, entities: &Entities) -> bool {
    names_of(sentence, entities).iter().any(|&(_, n)| n == e)
}

/// The names of a sentence and their entities (a document's names are in
/// reading order: one sentence's are a run).
fn names_of<'e>(
    sentence: &Sentence,
    entities: &'e Entities,
) -> &'e [(super::entities::NameMention, usize)] {
    let in_document = entities.in_document(sentence.document);
    let start = in_document.partition_point(|(m, _)| m.sentence < sentence.position);
    let end = in_document.partition_point(|(m, _)| m.sentence <= sentence.position);
    &in_document[start..end]
}

/// A name whose title opens at token `i`: "said Mayor Tom Reed", "Sen.
/// Mark Smith said" (a name's place is the word after its title).
fn titled_name_at<'n>(
    tokens: &[Token],
    names: &'n [(super::entities::NameMention, usize)],
    i: usize,
) -> Option<&'n (super::entities::NameMention, usize)> {
    names.iter().find(|(m, _)| {
        m.token == i
            || (m.title.is_some()
                && m.token > i
                && m.token - i <= MAX_TITLE_WORDS
                && tokens[i..m.token]
                    .iter()
                    .all(|t| t.text == "." || t.capitalized()))
    })
}

/// The entity (index) who says the quote at tokens `open..close`.
fn speaker(sentence: &Sentence, span: Span, entities: &Entities) -> Option<usize> {
    let close = span.close;
    let open = span.open.unwrap_or(0);
    let tokens = &sentence.tokens;
    // After: "…," Nasser said / "…," said Nasser / "…," he said.
    let mut i = close + 1;
    while tokens
        .get(i)
        .is_some_and(|t| matches!(t.text, "," | "—" | "-"))
    {
        i += 1;
    }
    if let Some(e) = speaker_named_at(sentence, i, open, entities) {
        return Some(e);
    }
    let names = names_of(sentence, entities);
    let name_at = |i: usize| names.iter().find(|(m, _)| m.token == i).map(|(_, e)| *e);
    let name_ending_at = |end: usize| names.iter().find(|(m, _)| m.end == end).map(|(_, e)| *e);
    // Before: Nasser said, "…" / Nasser said that his country "…".
    let verb = (0..open)
        .rev()
        .find(|&v| is_reporting(&tokens[v]) || tokens[v].is("saying"));
    // Nasser was quoted as saying "…": the subject before the passive.
    if let Some(v) = verb.filter(|&v| v >= 3 && tokens[v].is("saying"))
        && tokens[v - 1].is("as")
        && tokens[v - 2].is("quoted")
        && matches!(lower(&tokens[v - 3]), "was" | "is" | "were" | "been")
    {
        // "has been quoted as saying": the name ends before "has".
        let mut auxiliary = v - 3;
        if tokens[auxiliary].is("been") && auxiliary >= 1 {
            auxiliary -= 1;
        }
        if let Some(e) = name_ending_at(auxiliary) {
            return Some(e);
        }
    }
    if let Some(v) = verb.filter(|&v| is_reporting(&tokens[v])) {
        if let Some(e) = name_ending_at(v) {
            return Some(e);
        }
        // Olsen, a New York Democrat, said: "…"
        if let Some(e) = speaker_before_aside(sentence, v, entities) {
            return Some(e);
        }
        // Added Lesh: "…" / said David Healy, an analyst, "…"; but in
        // "Sanders said Day “spent her life fighting for the poor”" the
        // name right before the mark is the subject of what is said.
        if let Some((m, e)) = names.iter().find(|(m, _)| m.token == v + 1)
            && m.end < open
            && !names_the_addressee(&tokens[v])
        {
            return Some(*e);
        }
        if let Some(start) = subject_start(tokens, v)
            && let Some(e) = reference(sentence, start, open, entities)
        {
            return Some(e);
        }
    }
    // According to Nasser, "…"
    let according = (0..open.saturating_sub(1))
        .rev()
        .find(|&a| tokens[a].is("according") && tokens[a + 1].is("to"));
    according.and_then(|a| name_at(a + 2))
}

/// Words a title before a speaker's name holds at most, with its stops
/// ("Foreign Minister", "Lt. Gov.").
const MAX_TITLE_WORDS: usize = 4;

/// The part of a person or body that speaks for it, after a possessive:
/// "Assad's office said", "the ministry's spokesman said".
fn is_speaking_part(token: &Token) -> bool {
    matches!(
        token.lower(),
        "office"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "press"
            | "ministry"
            | "government"
            | "campaign"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "family"
            | "statement"
            | "embassy"
            | "administration"
    )
}

/// A speaker written as a possessive and the part that speaks ("Assad's
/// office said, "…"" / ""…," Assad's office said" / "…, said Assad's
/// office"): no entity of its own, so kept as written.
fn speaking_body(sentence: &Sentence, span: Span) -> Option<String> {
    let tokens = &sentence.tokens;
    let possessive =
        |t: &Token| t.text.ends_with("'s") || t.text.ends_with("’s") || t.text.ends_with("s'");
    let phrase = |p: usize| {
        let start = if p >= 1 && tokens[p - 1].is("the") && !tokens[p].capitalized() {
            p - 1
        } else {
            p
        };
        let end = tokens[p + 1].end;
        // "The ministry's spokesman" opening a sentence is "the …" here.
        Some(if start < p {
            format!("the{}", &sentence.text[tokens[start].end..end])
        } else {
            sentence.text[tokens[start].start..end].to_string()
        })
    };
    let body_at = |p: usize| {
        tokens.get(p).is_some_and(possessive) && tokens.get(p + 1).is_some_and(is_speaking_part)
    };
    // After the quote.
    let mut i = span.close + 1;
    while tokens
        .get(i)
        .is_some_and(|t| matches!(t.text, "," | "—" | "-"))
    {
        i += 1;
    }
    if body_at(i) && tokens.get(i + 2).is_some_and(is_reporting) {
        return phrase(i);
    }
    if tokens.get(i).is_some_and(is_reporting) {
        let p = if tokens.get(i + 1).is_some_and(|t| t.is("the")) {
            i + 2
        } else {
            i + 1
        };
        if body_at(p) {
            return phrase(p);
        }
    }
    // Before it: the reporting verb nearest the opening mark.
    let open = span.open?;
    let verb = (0..open).rev().find(|&v| is_reporting(&tokens[v]))?;
    (verb >= 2 && body_at(verb - 2))
        .then(|| phrase(verb - 2))
        .flatten()
}

/// Start of a pronoun or "the <title>" subject just before token `verb`.
fn subject_start(tokens: &[Token], verb: usize) -> Option<usize> {
    let before = verb.checked_sub(1)?;
    if matches!(lower(&tokens[before]), "he" | "she") {
        return Some(before);
    }
    if before >= 1 && tokens[before - 1].is("the") {
        return Some(before - 1);
    }
    // "the Turkish president said"
    (before >= 2 && tokens[before - 2].is("the") && tokens[before - 1].capitalized())
        .then(|| before - 2)
}

/// The person a pronoun ("he", "she") or a title ("the president") at
/// token `at` refers to: the person last named before `limit` in the same
/// report (with that title, for a title).
fn reference(sentence: &Sentence, at: usize, limit: usize, entities: &Entities) -> Option<usize> {
    let tokens = &sentence.tokens;
    let word = lower(tokens.get(at)?);
    let title = match word {
        "he" | "she" => None,
        "the" => {
            // "the president", or "the Turkish president": one capitalised
            // word may qualify the title.
            let qualified = tokens.get(at + 1).is_some_and(Token::capitalized)
                && tokens
                    .get(at + 2)
                    .is_some_and(|t| t.kind == TokenKind::Word && !t.capitalized());
            let at = if qualified { at + 1 } else { at };
            let title = lower(tokens.get(at + 1)?).to_string();
            let follows = tokens.get(at + 2).is_some_and(is_reporting)
                || at + 2 == limit
                || tokens.get(at + 2).is_some_and(|t| t.text == ",");
            if !follows {
                return None;
            }
            Some(title)
        }
        _ => return None,
    };
    let pronoun = title.is_none().then_some(word);
    // "Hickok told the court that he weighed the slaying of Deputy Jerry
    // Ortiz, and he concluded …": a pronoun in a sentence whose subject is
    // a person is that person more often than the last one named.
    if pronoun.is_some()
        && let Some((m, e)) = names_of(sentence, entities).first()
        && m.token < at
        && tokens[..m.token]
            .iter()
            .all(|t| t.capitalized() || t.text == ".")
        && m.owns_person.is_none()
        && !is_possessive(&tokens[m.end - 1])
        && !m.attributive
        && entities.list[*e].kind == EntityKind::Person
        && pronoun_fits(&entities.list[*e].name, word)
    {
        return Some(*e);
    }
    entities.last_person_before(
        sentence.document,
        (sentence.position, limit),
        pronoun,
        |m, e| {
            !m.attributive
                && title
                    .as_deref()
                    .is_none_or(|t| m.title.as_deref().is_some_and(|mt| mt.contains(t)))
                && pronoun_fits(&e.name, word)
        },
    )
}

fn dice(a: &[u32], b: &[u32]) -> f32 {
    dice_of(a, b, in_both(a, b))
}

/// Dice of `a` and `b` given how many of `a` are in `b`.
fn dice_of(a: &[u32], b: &[u32], shared: usize) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * shared as f32 / (a.len() + b.len()) as f32
}

/// How many of `a` are in `b`, both sorted: one walk through the two
/// rather than a search of `b` for each of `a` (every pair of quotes is
/// compared this way).
fn in_both(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            // A repeat in `a` counts again, as a search would.
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
            }
        }
    }
    count
}

/// The last word of a name, in lower case ("dunn" of "Michael Dunn").
fn surname(name: &str) -> Option<String> {
    name.split_whitespace().last().map(str::to_lowercase)
}

/// How many telling words two wordings share that neither capitalises:
/// one speaker's two remarks on "World War II history" share a name, not
/// words ("an important milestone in the annals of World War II naval
/// history", "I have been fascinated with World War II history").
fn shared_plainly(a: &QuoteMention, b: &QuoteMention) -> usize {
    a.telling
        .iter()
        .filter(|s| {
            b.telling.binary_search(s).is_ok()
                && a.named_words.binary_search(s).is_err()
                && b.named_words.binary_search(s).is_err()
        })
        .count()
}

/// Whether two quotes are said by one speaker: the same entity, or two
/// people of one surname.
fn same_speaker(a: &QuoteMention, b: &QuoteMention) -> bool {
    (a.speaker.is_some() && a.speaker == b.speaker)
        || matches!((&a.surname, &b.surname), (Some(x), Some(y)) if same_surname(x, y))
}

/// Whether two surnames (lower case) are one: the same, or one report's
/// spelling with an "s" the other lacks ("Mullin" and "Mullins" for one
/// police chief), the slip reports make most.
fn same_surname(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    short == long || (short.len() >= 4 && long.strip_suffix('s') == Some(short))
}

/// Whether two quote mentions are the same quote.
fn same_quote(a: &QuoteMention, b: &QuoteMention) -> bool {
    // The same words in the same order, at least a run of them, whoever
    // each report says spoke them: the reports cut, split or merged one
    // quote differently.
    if a.key() == b.key() || share_a_run(&a.runs, &b.runs) {
        return true;
    }
    if let (Some(x), Some(y)) = (&a.surname, &b.surname)
        && !same_surname(x, y)
    {
        // A long quote printed nearly word for word is one quote even when
        // the two reports' speakers were read differently ("Sanders" and
        // "Press Secretary Sarah Huckabee Sanders").
        return a.stems.len().min(b.stems.len()) >= VERBATIM_WORDS
            && dice(&a.stems, &b.stems) >= VERBATIM;
    }
    // One wording inside the other: only worth the substring search when
    // the shorter one's content words are all in the longer one, and only
    // telling from a few words on (or with the same speaker): "shut her
    // up" may be a phrase two quotes share.
    let (short, long) = if a.key().len() <= b.key().len() {
        (a, b)
    } else {
        (b, a)
    };
    let words = short.text.split_whitespace().count();
    let substantial = short.telling.len() >= MIN_CONTAINED_WORDS
        || same_speaker(a, b)
        || (!short.telling.is_empty()
            && (words >= CONTAINED_WORDS
                || (words + 1 == CONTAINED_WORDS && short.text.starts_with(char::is_lowercase))));
    let stems_within = || {
        short
            .stems
            .iter()
            .all(|x| long.stems.binary_search(x).is_ok())
    };
    let within = || stems_within() && long.padded.contains(short.padded.as_str());
    // Cut with ellipses or bracketed insertions: its pieces, in order
    // (the words inserted are the reporter's, not the speaker's). The
    // wording with an insertion may be the longer one: "find [the
    // suspect] and wear him out" is "find him and wear him out".
    if substantial && (within() || pieces_within(short, long) || pieces_within(long, short)) {
        return true;
    }
    // A phrase of two content words whose stems a longer quote holds but
    // not as written is another phrase on its subject: "a substantial
    // portion" of what one side depleted, "substantial portions of
    // certain valuable assets" the other transferred. Cut from that quote
    // it would keep its words ("the reality is the situation"). (With
    // fewer content words the likeness tests below cannot join them.)
    if short.telling.len() == MIN_CONTAINED_WORDS
        && short.telling.len() < long.telling.len()
        && stems_within()
        && !short
            .key()
            .split(' ')
            .all(|word| word.chars().count() < 4 || holds_word(&long.padded, word))
    {
        return false;
    }
    // The words shared must not all be the story's own subject: two
    // remarks on home schooling both say "home schooling".
    let shared = in_both(&a.telling, &b.telling);
    let similarity = dice(&a.stems, &b.stems).min(dice_of(&a.telling, &b.telling, shared));
    // (Words of talk are not telling, but the same words all told are
    // one remark: "We lost everything", "We have lost everything".)
    let alike = (similarity >= SAME_QUOTE && shared >= MIN_SHARED_WORDS)
        || (same_speaker(a, b) && similarity >= SAME_SPEAKER_QUOTE && shared_plainly(a, b) >= 2)
        || (a.stems.len() >= MIN_SHARED_WORDS && a.stems == b.stems);
    // A wording about as long as the other that denies what it says is
    // another remark ("the fire started in the kitchen", "no fire started
    // in that kitchen"); a much longer one may deny something further on
    // ("The reality is the situation", "… the situation. And I can't speak").
    let (fewer, more) = (
        a.stems.len().min(b.stems.len()),
        a.stems.len().max(b.stems.len()),
    );
    let as_long = fewer * 10 >= more * 7;
    alike && (!as_long || negated(&a.padded) == negated(&b.padded))
}

/// Whether a padded key (" a key ") holds a negation: "the fire started
/// in the kitchen" and "no fire started in that kitchen" are two claims.
fn negated(padded: &str) -> bool {
    ["no", "not", "never", "nothing", "none"]
        .iter()
        .any(|word| holds_word(padded, word))
}

/// Whether a padded key (" a key ") holds `word` as a whole word.
fn holds_word(padded: &str, word: &str) -> bool {
    padded
        .match_indices(word)
        .any(|(at, _)| padded[..at].ends_with(' ') && padded[at + word.len()..].starts_with(' '))
}

/// Whether a quote may be the same as another that shares none of its
/// content words' stems and not its wording: one with no content words,
/// or one cut with an ellipsis or an insertion, whose pieces are matched
/// as text. Any other two quotes that [`same_quote`] joins share a stem
/// (a run of words shared holds two content words, one wording inside
/// another holds all of its stems, likeness needs two) or their wording
/// — short of two runs of words whose hashes collide.
fn needs_no_shared_word(m: &QuoteMention) -> bool {
    m.stems.is_empty() || !m.pieces.is_empty()
}

fn group(found: Vec<QuoteMention>, entities: &Entities, ids: &[String]) -> Quotes {
    // A quote joins the group most of whose quotes it matches, so that a
    // speaker's many remarks on one subject do not chain into one quote.
    let matching = |g: &[usize], i: usize| {
        g.iter()
            .filter(|&&j| same_quote(&found[j], &found[i]))
            .count()
    };
    // Two remarks one report prints apart are two quotes unless they
    // match: a quote does not join a group through another report's
    // wording that merges them.
    let joins = |g: &[usize], i: usize| {
        // Each of the group's quotes compared once, for both counts.
        let mut matching = 0;
        let mut apart = false;
        for &j in g {
            let same = same_quote(&found[j], &found[i]);
            matching += usize::from(same);
            apart |= !same && found[j].document == found[i].document;
        }
        matching > 0 && matching * 2 >= g.len() && !apart
    };
    // A quote is compared only with the groups it could match: those
    // holding one of its content words or its very wording (see
    // `needs_no_shared_word`); most quotes match none, and comparing each
    // with every quote before it was most of the grouping's cost.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut holding_word: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut holding_key: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut open_to_any: Vec<usize> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, m) in found.iter().enumerate() {
        let open = needs_no_shared_word(m);
        candidates.clear();
        if open {
            candidates.extend(0..groups.len());
        } else {
            let held = m.stems.iter().filter_map(|word| holding_word.get(word));
            candidates.extend(held.flatten());
            candidates.extend(holding_key.get(m.key()).into_iter().flatten());
            candidates.extend(&open_to_any);
            candidates.sort_unstable();
            candidates.dedup();
        }
        let n = match candidates.iter().copied().find(|&n| joins(&groups[n], i)) {
            Some(n) => {
                groups[n].push(i);
                n
            }
            None => {
                groups.push(vec![i]);
                groups.len() - 1
            }
        };
        for &word in &m.stems {
            let holders = holding_word.entry(word).or_default();
            if holders.last() != Some(&n) {
                holders.push(n);
            }
        }
        let holders = holding_key.entry(m.key()).or_default();
        if holders.last() != Some(&n) {
            holders.push(n);
        }
        if open && open_to_any.last() != Some(&n) {
            open_to_any.push(n);
        }
    }
    // A wording that merges two remarks other reports print apart (or
    // runs on where they cut) is a wording of each: it also joins every
    // other group its report is not in yet whose wordings it matches,
    // most of them (half is not enough here: a wording that matches one
    // of a pair would link the other to a remark it does not hold).
    // Only groups that share a content word with the wording can match
    // it: an index of them keeps this pass from comparing every wording
    // with every group. A word many groups hold (the story's own
    // subject) does not tell which: it is passed over, so that the pass
    // stays linear in the quotes whatever they share.
    let mut by_word: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (n, g) in groups.iter().enumerate() {
        for &j in g {
            for &word in &found[j].stems {
                let holders = by_word.entry(word).or_default();
                if holders.last() != Some(&n) {
                    holders.push(n);
                }
            }
        }
    }
    let mut also: Vec<(usize, usize)> = Vec::new();
    for (i, m) in found.iter().enumerate() {
        let mut near: Vec<usize> = m
            .stems
            .iter()
            .filter_map(|word| by_word.get(word))
            .filter(|holders| holders.len() <= MAX_HOLDERS)
            .flatten()
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        for n in near {
            let g = &groups[n];
            if !g.iter().any(|&j| found[j].document == m.document) && matching(g, i) * 2 > g.len() {
                also.push((n, i));
            }
        }
    }
    for (n, i) in also {
        groups[n].push(i);
    }
    let mut quotes: Vec<(Quote, Wordings, (usize, usize))> = groups
        .into_iter()
        .map(|g| {
            // Distinct wordings, each with its sources, most used first.
            let mut wordings: Vec<(String, &str, Vec<usize>)> = Vec::new();
            for &i in &g {
                let m = &found[i];
                match wordings.iter_mut().find(|(key, ..)| *key == m.key()) {
                    Some((_, _, docs)) => {
                        if !docs.contains(&m.document) {
                            docs.push(m.document);
                        }
                    }
                    None => wordings.push((m.key().to_string(), &m.text, vec![m.document])),
                }
            }
            wordings.sort_by_key(|w| std::cmp::Reverse(w.2.len()));
            let mut documents: Vec<usize> = g.iter().map(|&i| found[i].document).collect();
            documents.sort_unstable();
            documents.dedup();
            let mut support: Vec<usize> = g
                .iter()
                .filter(|&&i| !found[i].copy)
                .map(|&i| found[i].document)
                .collect();
            support.sort_unstable();
            support.dedup();
            // The speaker most reports give, a name printed beside the
            // quote counting twice a pronoun or a title read as someone.
            let mut speakers: Vec<usize> = g
                .iter()
                .filter_map(|&i| found[i].speaker.map(|e| (e, found[i].named)))
                .flat_map(|(e, named)| std::iter::repeat_n(e, if named { 2 } else { 1 }))
                .collect();
            speakers.sort_unstable();
            let mut phrases: Vec<&str> = g
                .iter()
                .filter_map(|&i| found[i].speaker_phrase.as_deref())
                .collect();
            phrases.sort_unstable();
            let speaker = speakers
                .chunk_by(|a, b| a == b)
                .max_by_key(|run| run.len())
                .and_then(|run| entities.list.get(run[0]))
                .map(|e| e.name.clone())
                .or_else(|| {
                    phrases
                        .chunk_by(|a, b| a == b)
                        .max_by_key(|run| run.len())
                        .map(|run| run[0].to_string())
                });
            let names = |docs: &[usize]| docs.iter().map(|&d| ids[d].clone()).collect::<Vec<_>>();
            let quote = Quote {
                speaker,
                text: wordings[0].1.to_string(),
                variants: wordings[1..]
                    .iter()
                    .map(|(_, text, docs)| QuoteVariant {
                        text: text.to_string(),
                        sources: names(docs),
                    })
                    .collect(),
                sources: names(&documents),
            };
            let said: Wordings = g
                .iter()
                .map(|&i| (found[i].document, found[i].text.clone()))
                .collect();
            (quote, said, (support.len(), g[0]))
        })
        .collect();
    quotes.sort_by(|(.., (a, i)), (.., (b, j))| b.cmp(a).then(i.cmp(j)));
    quotes.into_iter().map(|(q, said, _)| (q, said)).unzip()
}

#[cfg(test)]
mod tests {
    use super::super::entities::entities;
    use super::*;

    fn run(texts: &[(usize, &'static str)]) -> Vec<Quote> {
        quotes_of(&crate::scan::tokens::sentences_static(texts))
    }

    /// The quotes of sentences in documents `d0` … `d4`.
    fn quotes_of(sentences: &[Sentence]) -> Vec<Quote> {
        let ids: Vec<String> = (0..5).map(|i| format!("d{i}")).collect();
        let found = entities(sentences, &ids);
        quotes(
            sentences,
            &[],
            &found,
            &ids,
            &mut Stems::default(),
            &mut Vec::new(),
        )
        .0
    }

    #[test]
    fn a_post_two_reports_embed_is_one_quote_of_its_poster() {
        let quotes = run(&[
            (0, "Fans reacted on Twitter."),
            (
                0,
                "Rest easy, legend. We will miss you every day. — Mara Quinn (@maraquinn) June 20, 2017",
            ),
            (
                1,
                "Rest easy, legend. We will miss you every day. — Mara Quinn (@maraquinn) June 20, 2017",
            ),
            // Another poster's post on the same loss is another quote.
            (
                2,
                "Rest easy, legend, we miss you. — Theo Brandt (@theob) June 20, 2017",
            ),
        ]);
        let quinn = quotes
            .iter()
            .find(|q| q.text.contains("every day"))
            .expect("the embedded post is a quote");
        assert_eq!(quinn.sources, ["d0", "d1"], "{quotes:#?}");
        assert_eq!(quinn.speaker.as_deref(), Some("Mara Quinn"));
        assert!(!quinn.text.contains("Twitter") && !quinn.text.contains('@'));
        let brandt = quotes.iter().find(|q| q.sources == ["d2"]);
        assert_eq!(
            brandt.and_then(|q| q.speaker.as_deref()),
            Some("Theo Brandt")
        );
    }

    #[test]
    fn translated_quote_grouped_with_speaker() {
        let quotes = run(&[
            (
                0,
                "President Karim al-Nasser met Prime Minister Elena Varga.",
            ),
            (
                0,
                "\"We will not accept a solution imposed from outside,\" al-Nasser told reporters.",
            ),
            (
                1,
                "Nasser said, \"We shall not agree to any settlement imposed by outsiders.\"",
            ),
            (
                2,
                "Al-Nasser said that his country \"will not accept any solution that is imposed on it from abroad\".",
            ),
            (3, "Varga said the talks had been \"frank and useful\"."),
            (3, "\"We will build a commission together,\" she said."),
        ]);
        assert_eq!(quotes[0].sources, vec!["d0", "d1", "d2"], "{quotes:#?}");
        assert_eq!(quotes[0].speaker.as_deref(), Some("Karim al-Nasser"));
        assert_eq!(quotes[0].variants.len(), 2);
        let commission = quotes.iter().find(|q| q.text.contains("commission"));
        assert_eq!(
            commission.and_then(|q| q.speaker.as_deref()),
            Some("Elena Varga")
        );
        let frank = quotes.iter().find(|q| q.text == "frank and useful");
        assert_eq!(
            frank.and_then(|q| q.speaker.as_deref()),
            Some("Elena Varga")
        );
    }

    /// The quotes of sentences given as (document, paragraph, text).
    /// The quote whose text holds `words`.
    fn quote_holding<'q>(quotes: &'q [Quote], words: &str) -> Option<&'q Quote> {
        quotes.iter().find(|q| q.text.contains(words))
    }

    /// The speaker of the quote holding `words`.
    fn speaker_of(quotes: &[Quote], words: &str) -> Option<String> {
        quote_holding(quotes, words).and_then(|q| q.speaker.clone())
    }

    /// Asserts the speaker of the quote holding each of `words`.
    fn assert_speakers(quotes: &[Quote], expected: &[(&str, Option<&str>)]) {
        for &(words, speaker) in expected {
            assert_eq!(
                speaker_of(quotes, words).as_deref(),
                speaker,
                "{words}: {quotes:#?}"
            );
        }
    }

    /// The sources of the quote holding `words`.
    fn sources_of(quotes: &[Quote], words: &str) -> Option<Vec<String>> {
        quote_holding(quotes, words).map(|q| q.sources.clone())
    }

    fn in_paragraphs(texts: &[(usize, usize, &'static str)]) -> Vec<Quote> {
        let plain: Vec<(usize, &'static str)> = texts.iter().map(|&(d, _, t)| (d, t)).collect();
        let mut sentences = crate::scan::tokens::sentences_static(&plain);
        for (sentence, &(_, paragraph, _)) in sentences.iter_mut().zip(texts) {
            sentence.paragraph = paragraph;
        }
        quotes_of(&sentences)
    }

    #[test]
    fn a_block_after_a_colon_is_its_speaker_s_quote() {
        let quotes = in_paragraphs(&[
            (0, 0, "Markus Persson elaborated in a blog post:"),
            (
                0,
                1,
                "Facebook is not a company of grass-roots tech enthusiasts.",
            ),
            (
                0,
                1,
                "Facebook has a history of caring about building user numbers.",
            ),
            (0, 2, "The deal closed on Tuesday after weeks of talks."),
            (
                1,
                3,
                "\"Facebook has a history of caring about building user numbers,\" Persson wrote.",
            ),
        ]);
        let history = quotes
            .iter()
            .find(|q| q.text.contains("history"))
            .expect("the block's sentence is a quote");
        assert_eq!(history.sources, ["d0", "d1"], "{quotes:#?}");
        assert!(
            history
                .speaker
                .as_deref()
                .is_some_and(|s| s.contains("Persson")),
            "{quotes:#?}"
        );
        assert!(quotes.iter().any(|q| q.text.contains("grass-roots")));
        // The block ends with its paragraph.
        assert!(
            !quotes.iter().any(|q| q.text.contains("deal closed")),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_reply_below_a_colon_holds_the_quotes_it_quotes() {
        let quotes = in_paragraphs(&[
            (0, 0, "Bill Cosby's reply:"),
            (0, 1, "I am prepared to tell this young person the truth."),
            (
                0,
                1,
                "I think many of them say, “Well, you’re a hypocrite.”",
            ),
            (0, 1, "My point is, listen to me carefully."),
            (
                1,
                2,
                "“My point is, listen to me carefully,” Cosby told the network.",
            ),
            (
                1,
                2,
                "“I am prepared to tell this young person the truth,” he said.",
            ),
        ]);
        for words in ["truth", "listen to me"] {
            let quote =
                quote_holding(&quotes, words).expect("each sentence of the reply is a quote");
            assert_eq!(quote.sources, ["d0", "d1"], "{quotes:#?}");
        }
        // The words it quotes belong to the reply, not to a quote of
        // their own.
        assert!(
            !quotes.iter().any(|q| q.text == "Well, you’re a hypocrite."),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_straight_mark_after_a_comma_opens_a_quote_that_runs_on() {
        // The opening mark follows "said,", as a closing one would follow
        // a quote's last comma; it is glued to the word after it.
        let quotes = in_paragraphs(&[
            (
                0,
                0,
                "Asked how he would react, he said, \"I'm not sure that they will come like that.",
            ),
            (0, 0, "My point is, okay, listen to me carefully.\""),
            (
                1,
                0,
                "\"I'm not sure that they will come like that,\" Cosby told the network.",
            ),
        ]);
        assert!(
            !quotes.iter().any(|q| q.text.contains("Asked")),
            "{quotes:#?}"
        );
        let sure = quote_holding(&quotes, "not sure").expect("the quote after the comma");
        assert_eq!(sure.sources, ["d0", "d1"], "{quotes:#?}");
        assert!(
            quote_holding(&quotes, "listen to me").is_some(),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_quote_left_open_stops_at_the_paragraph_unless_a_mark_closes_it_there() {
        let quotes = in_paragraphs(&[
            // A closing mark lost: the next paragraphs are the reporter's.
            (
                0,
                0,
                "Gingrich said on CNN, \"The fact is, we are in the middle of a mess.",
            ),
            (
                0,
                1,
                "He noted that the administration failed to protect the consulate.",
            ),
            // A quote set a sentence to a line, closed on the last.
            (
                1,
                0,
                "The manager said, \"They poured in here like 40 or 50 of them.",
            ),
            (1, 1, "They pulled the registers off the counters."),
            (1, 2, "It was insane. \""),
            (1, 3, "The crowd dispersed by midnight."),
            // Each paragraph of a long quote opens with a mark of its own.
            (2, 0, "\"We know there is misinformation on the site."),
            (
                2,
                1,
                "\"We have made progress fighting hoaxes the way we fight spam.\"",
            ),
        ]);
        assert!(
            quote_holding(&quotes, "middle of a mess").is_some(),
            "{quotes:#?}"
        );
        assert!(
            !quotes.iter().any(|q| q.text.contains("consulate")),
            "{quotes:#?}"
        );
        for words in ["registers", "insane"] {
            assert!(
                quote_holding(&quotes, words).is_some(),
                "{words}: {quotes:#?}"
            );
        }
        assert!(
            !quotes.iter().any(|q| q.text.contains("midnight")),
            "{quotes:#?}"
        );
        let hoaxes = quote_holding(&quotes, "hoaxes").expect("the second paragraph's quote");
        assert!(!hoaxes.text.contains("misinformation"), "{quotes:#?}");
        // A paragraph that reopens the quote on a sign or a bracket.
        let quotes = in_paragraphs(&[
            (0, 0, "\"We are devastated by what happened here."),
            (
                0,
                1,
                "\"$5 billion will not be enough to rebuild this city,\" Jane Doe said.",
            ),
        ]);
        assert!(
            quote_holding(&quotes, "rebuild this city").is_some(),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_single_mark_after_a_colon_or_opening_a_sentence_quotes_in_any_report() {
        let quotes = in_paragraphs(&[
            // A report that prints speech in double marks.
            (0, 0, "\"We played hard,\" she said after the game."),
            (
                0,
                1,
                "[Rapinoe responds: ‘It is truly unbelievable and sad today.’]",
            ),
            (
                0,
                2,
                "‘The aim is to find out what led him there,” the official said.",
            ),
            (
                0,
                3,
                "Populations are reaching their full ‘genetic potential.’",
            ),
        ]);
        let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
        assert!(
            texts.contains(&"It is truly unbelievable and sad today."),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"The aim is to find out what led him there"),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("Populations")),
            "{texts:?}"
        );
        // A ‘ typed for an apostrophe opens nothing.
        let quotes = in_paragraphs(&[
            (0, 0, "\"It was a good year,\" she said."),
            (
                0,
                1,
                "‘90s nostalgia drove the surge in sales, analysts said.",
            ),
            (0, 2, "The trend: ‘til the very end, fans sang along."),
        ]);
        assert!(
            !quotes
                .iter()
                .any(|q| q.text.contains("nostalgia") || q.text.contains("fans")),
            "{quotes:#?}"
        );
    }

    #[test]
    fn she_after_a_name_and_its_relative_is_the_relative() {
        let quotes = run(&[
            (0, "Tavin Price, 17, was shot outside a car wash."),
            (
                0,
                "Price's mother, who saw the shooting, spoke to reporters.",
            ),
            (
                0,
                "\"Every day they are in court, I will be there,\" she said.",
            ),
            (1, "Ms. Emily Murphy grew up on the move."),
            (1, "Ms. Murphy's father worked for a railroad."),
            (1, "\"We moved every couple of years,\" she said."),
        ]);
        let speaker = |words: &str| speaker_of(&quotes, words);
        // The mother is not named: no speaker rather than her son.
        assert_eq!(speaker("in court"), None, "{quotes:#?}");
        // Nor is a "Mr.": a nickname's title says whom "she" is not.
        let nickname = run(&[
            (
                0,
                "Alex screamed as a baby, says his mother, Tracy McNair, 42.",
            ),
            (
                0,
                "His parents even gave him the nickname \"Mr. Intensity.\"",
            ),
            (0, "\"The effect of the drug was immediate,\" she says."),
        ]);
        let effect = speaker_of(&nickname, "immediate");
        assert_eq!(effect, Some("Tracy McNair".into()), "{nickname:#?}");
        // A father is no "she": the name before him is.
        assert_eq!(
            speaker("couple of years"),
            Some("Emily Murphy".into()),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_question_quoted_before_its_speakers_name_has_that_speaker() {
        // The segmenter ends a sentence after "?”" when a capital follows.
        let quotes = in_paragraphs(&[
            (0, 0, "Tom Smith runs the shop."),
            (0, 1, "\"Why would I ever close it?\""),
            (0, 1, "Smith said, laughing."),
            (0, 1, "\"We never close!\""),
            (0, 1, "The crowd cheered."),
        ]);
        let speaker = |words: &str| speaker_of(&quotes, words);
        assert_eq!(
            speaker("ever close"),
            Some("Tom Smith".into()),
            "{quotes:#?}"
        );
        // A next sentence that names no speaker gives none.
        assert_eq!(speaker("never close"), None, "{quotes:#?}");
    }

    #[test]
    fn a_speaker_named_after_a_role_in_lower_case_is_found() {
        let quotes = run(&[
            (
                0,
                "\"There is no evidence my client was there,\" said defense attorney Ray Olsen.",
            ),
            (
                1,
                "\"The line will reopen on Monday,\" county fire chief Dale Ruiz said.",
            ),
            // The person whose role a name qualifies, not the name.
            (
                2,
                "\"We sent two specialists to France,\" said Goodyear spokesman Chris Aked.",
            ),
            (
                3,
                "\"Small but meaningful actions create change,\" Nicole Hockley writes.",
            ),
        ]);
        assert_speakers(
            &quotes,
            &[
                ("no evidence", Some("Ray Olsen")),
                ("line will", Some("Dale Ruiz")),
                ("two specialists", Some("Chris Aked")),
                ("meaningful", Some("Nicole Hockley")),
            ],
        );
        let quotes = run(&[
            // Past a place and a title in capitals.
            (
                0,
                "\"Bush has kept a removed posture,\" said former Texas Attorney General Jim Mattox.",
            ),
            // A pronoun after another person is named in a sentence whose
            // subject is a person.
            (
                1,
                "Judge Philip Hickok said he weighed the slaying of Deputy Jerry Ortiz, and he concluded that the case \"absolutely warrants death instead of life.\"",
            ),
        ]);
        assert_speakers(
            &quotes,
            &[
                ("removed posture", Some("Jim Mattox")),
                ("warrants death", Some("Philip Hickok")),
            ],
        );
    }

    #[test]
    fn a_speaker_named_before_an_aside_is_found() {
        let quotes = run(&[
            (
                0,
                "\"There is no evidence my client was there,\" Ray Olsen, who represents Dunn, told reporters.",
            ),
            (
                1,
                "Amity Shlaes, the chair of the Coolidge Foundation, where Mercer is a trustee, told me, \"The Mercers are enchanting firecrackers.\"",
            ),
            (
                2,
                "Kassie Siegel of the Center for Biological Diversity, who led the suits, said: \"They sacrificed sound science.\"",
            ),
            (
                3,
                "One of the founders of The Robin Collective, Brandy Wright, said: \"The edible cups taste amazing.\"",
            ),
            (
                4,
                "The Houston Chronicle, in an editorial, said: \"Texas has no system at all.\"",
            ),
        ]);
        assert_speakers(
            &quotes,
            &[
                ("no evidence", Some("Ray Olsen")),
                ("firecrackers", Some("Amity Shlaes")),
                ("sound science", Some("Kassie Siegel")),
                ("edible cups", Some("Brandy Wright")),
                ("no system", Some("Houston Chronicle")),
            ],
        );
    }

    #[test]
    fn one_speakers_remarks_sharing_a_name_are_two_quotes() {
        let quotes = run(&[
            (
                0,
                "Paul Allen said the find marked \"an important milestone in the annals of World War II naval history.\"",
            ),
            (
                1,
                "\"Since my youth, I have been fascinated with World War II history, inspired by my father's service,\" Paul Allen said.",
            ),
        ]);
        assert_eq!(
            sources_of(&quotes, "annals"),
            Some(vec!["d0".into()]),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_speaker_named_beside_the_quote_outweighs_a_pronoun_read_as_someone() {
        let quotes = run(&[
            (0, "The trial of Mark Dunn ended on Tuesday."),
            (0, "\"There is no evidence my client was there,\" he said."),
            (1, "The trial ended on Tuesday."),
            (
                1,
                "\"There is no evidence my client was there,\" said Ray Olsen, Dunn's lawyer.",
            ),
        ]);
        assert_eq!(
            speaker_of(&quotes, "no evidence"),
            Some("Ray Olsen".into()),
            "{quotes:#?}"
        );
    }

    #[test]
    fn neither_the_subject_of_what_is_said_nor_the_one_told_is_the_speaker() {
        let quotes = run(&[
            (
                0,
                "Bernie Sanders, a candidate, said Dorothy Day \"spent her life fighting for the poor.\"",
            ),
            (
                1,
                "The man told Agence France-Presse that he lent them the flat: \"They just wanted water and to pray.\"",
            ),
        ]);
        assert_ne!(
            speaker_of(&quotes, "fighting for the poor"),
            Some("Dorothy Day".into()),
            "{quotes:#?}"
        );
        assert_ne!(
            speaker_of(&quotes, "wanted water"),
            Some("Agence France-Presse".into()),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_speaker_named_with_a_short_title_is_found() {
        let quotes = run(&[
            (
                0,
                "\"There were no red flags at the center,\" Ms. Vargas said.",
            ),
            (1, "Mr. Dunn said, \"The harbour will open by spring.\""),
            (2, "\"We stand with the family,\" said Sgt. Vanette Rios."),
            // Verbs of saying beyond "said"; an initial opening a sentence.
            (3, "\"I guess cream rises to the top,\" joked Bry Conley."),
            (4, "S. David Schiller, a prosecutor, spoke first."),
            (
                4,
                "\"They consider these nuisance cases,\" Schiller conceded.",
            ),
        ]);
        assert_speakers(
            &quotes,
            &[
                ("red flags", Some("Vargas")),
                ("harbour", Some("Dunn")),
                ("stand with", Some("Vanette Rios")),
                ("cream rises", Some("Bry Conley")),
                ("nuisance", Some("David Schiller")),
            ],
        );
    }

    #[test]
    fn replies_signs_and_possessives_do_not_take_the_wrong_speaker() {
        let quotes = in_paragraphs(&[
            (0, 0, "Coach Tom Smith and Ann Jones met at midfield."),
            // The next sentence names the asker: she, not the one before.
            (0, 1, "\"We won the whole thing,\" Smith said."),
            (0, 1, "\"Did you see that last goal?\""),
            (0, 1, "Jones asked."),
            // A reply to a question is another voice.
            (0, 2, "\"Were you afraid?\" asked Smith."),
            (0, 2, "\"Every single day.\""),
            // A sign is no one's the next sentence names.
            (
                0,
                3,
                "Protesters carried signs reading \"Where is the money?\"",
            ),
            (0, 3, "Mayor Tom Reed said the funds were spent properly."),
            // The one named after a possessive's comma speaks.
            (
                0,
                4,
                "\"We will appeal,\" said Mr. Dunn's lawyer, Ann Fisk.",
            ),
        ]);
        assert_speakers(
            &quotes,
            &[
                ("last goal", Some("Ann Jones")),
                ("single day", None),
                ("the money", None),
                ("appeal", Some("Ann Fisk")),
            ],
        );
    }

    #[test]
    fn a_denial_in_the_same_words_is_another_quote() {
        let quotes = run(&[
            (0, "\"The blaze started in the kitchen,\" a spokesman said."),
            (1, "\"No blaze started in that kitchen,\" said Sam Ruiz."),
        ]);
        let denial = sources_of(&quotes, "No blaze");
        assert_eq!(denial, Some(vec!["d1".to_string()]), "{quotes:#?}");
    }

    #[test]
    fn a_quote_standing_alone_after_a_speakers_quote_is_that_speakers() {
        let quotes = in_paragraphs(&[
            (0, 0, "\"I am ready,\" Jennifer Rivers said."),
            (0, 0, "\"Every day they go to court, I will be there.\""),
            // A new paragraph may turn to another voice.
            (0, 1, "\"Nobody will forget him.\""),
            // So may a sentence that says something besides the quote.
            (0, 1, "\"I am ready,\" Tom Reed said."),
            (0, 1, "The crowd cheered. \"We stand with the family.\""),
        ]);
        let speaker = |words: &str| {
            quote_holding(&quotes, words)
                .map(|q| q.speaker.clone())
                .unwrap_or_else(|| panic!("no quote of {words:?}: {quotes:#?}"))
        };
        assert_eq!(speaker("go to court"), Some("Jennifer Rivers".into()));
        assert_eq!(speaker("forget him"), None);
        assert_eq!(speaker("stand with"), None);
    }

    #[test]
    fn a_sentence_that_says_who_speaks_ends_a_block() {
        let quotes = in_paragraphs(&[
            (0, 0, "The White House's response came hours later:"),
            (
                0,
                1,
                "Press secretary Ana Ruiz told reporters, “We will review the report carefully.”",
            ),
        ]);
        let review = quote_holding(&quotes, "review the report").expect("the quote in marks");
        assert_eq!(
            review.text, "We will review the report carefully.",
            "{quotes:#?}"
        );
        assert!(
            review
                .speaker
                .as_deref()
                .is_some_and(|s| s.contains("Ruiz")),
            "{quotes:#?}"
        );
    }

    #[test]
    fn single_marks_quote_in_a_report_that_prints_speech_in_them() {
        let quotes = in_paragraphs(&[
            (
                0,
                0,
                "‘As a maker of children’s products, safety is our top priority,’ Crayola says.",
            ),
            (
                0,
                1,
                "‘Our crayons are not designed for make-up,’ the company added.",
            ),
            (
                0,
                2,
                "Police said the three teenage victims’ families were told on Monday.",
            ),
            (
                0,
                3,
                "‘The three teenage victims’ families deserve answers,’ she said.",
            ),
            (
                0,
                4,
                "‘He called it “a disgrace to the office” and left,’ she said.",
            ),
            (
                1,
                3,
                "“As the maker of children's products, safety is our top priority,” Crayola said.",
            ),
        ]);
        let safety = quote_holding(&quotes, "safety").expect("a quote in single marks");
        assert_eq!(safety.sources, ["d0", "d1"], "{quotes:#?}");
        assert!(quote_holding(&quotes, "not designed").is_some());
        // A plural's possessive mark closes nothing; a single mark closes
        // only the single mark that opened the quote.
        assert!(quote_holding(&quotes, "Police").is_none(), "{quotes:#?}");
        for words in ["families deserve answers", "office” and left"] {
            assert!(quote_holding(&quotes, words).is_some(), "{quotes:#?}");
        }
    }

    #[test]
    fn straight_single_marks_quote_in_a_report_that_prints_speech_in_them() {
        let quotes = in_paragraphs(&[
            (
                0,
                0,
                "A producer said: 'Kim's mapping out 2012, and Kris isn't a part of it.'",
            ),
            (
                0,
                1,
                "'We are all very sad about the news,' her mother told the Today show.",
            ),
            (
                0,
                2,
                "Monsanto Co.'s new drug and the girls' phones are in the '90s style, she said.",
            ),
            (
                1,
                0,
                "A producer said, “Kim’s mapping out 2012, and Kris isn’t a part of it.”",
            ),
        ]);
        let mapping = quote_holding(&quotes, "mapping").expect("a quote in straight single marks");
        assert_eq!(mapping.sources, ["d0", "d1"], "{quotes:#?}");
        assert!(quote_holding(&quotes, "very sad").is_some(), "{quotes:#?}");
        // Possessives and a decade's mark open and close nothing.
        assert!(quote_holding(&quotes, "drug").is_none(), "{quotes:#?}");
        assert!(quote_holding(&quotes, "style").is_none(), "{quotes:#?}");
    }

    #[test]
    fn a_colon_that_introduces_no_speaker_opens_no_block() {
        let quotes = in_paragraphs(&[
            (0, 0, "Here is what happened next:"),
            (
                0,
                1,
                "The ministers left the room after two hours of talks.",
            ),
        ]);
        assert!(quotes.is_empty(), "{quotes:#?}");
    }

    #[test]
    fn a_copy_is_a_source_of_its_quotes_but_adds_no_support() {
        let all = crate::scan::tokens::sentences_static(&[
            (
                0,
                "\"The ferry will sail again on Monday,\" harbour master Ines Moreau said.",
            ),
            (1, "\"The ferry will sail again on Monday,\" Moreau said."),
            (1, "\"We have checked every cable twice,\" Moreau said."),
            (2, "\"We have checked every cable twice,\" Moreau said."),
            (
                0,
                "\"Nobody was hurt, and that is what matters,\" a crew member said.",
            ),
            (
                3,
                "\"Nobody was hurt, and that is what matters,\" a crew member said.",
            ),
            (
                4,
                "\"Nobody was hurt, and that is what matters,\" a crew member said.",
            ),
        ]);
        // Document 2 copies document 1.
        let (sentences, copies): (Vec<_>, Vec<_>) = all.into_iter().partition(|s| s.document != 2);
        let ids: Vec<String> = (0..5).map(|i| format!("d{i}")).collect();
        let found = entities(&sentences, &ids);
        let (quotes, _) = quotes(
            &sentences,
            &copies,
            &found,
            &ids,
            &mut Stems::default(),
            &mut Vec::new(),
        );
        let cable = quotes.iter().find(|q| q.text.contains("cable"));
        assert_eq!(
            cable.map(|q| q.sources.clone()),
            Some(vec!["d1".into(), "d2".into()])
        );
        // Two reports and a copy do not outrank three reports.
        assert!(quotes[0].text.starts_with("Nobody was hurt"), "{quotes:#?}");
    }

    #[test]
    fn a_report_printing_a_statement_as_text_is_a_source_of_its_quotes() {
        let sentences = crate::scan::tokens::sentences_static(&[
            (0, "UConn sent News 8 the following statement:"),
            (
                0,
                "Jeffny Pally was a talented, ambitious, promising young woman and her death was a terrible tragedy.",
            ),
            (
                1,
                "\"Jeffny Pally was a talented, ambitious, promising young woman and her death was a terrible tragedy,\" UConn spokesperson Stephanie Reitz said.",
            ),
            (
                1,
                "She was charged with \"attempting to interfere with custody of the child,\" police said.",
            ),
            (
                0,
                "She was arraigned on charges of attempting to interfere with custody of the child on Monday.",
            ),
        ]);
        let ids: Vec<String> = (0..2).map(|i| format!("d{i}")).collect();
        let found = entities(&sentences, &ids);
        let (quotes, wordings) = quotes(
            &sentences,
            &[],
            &found,
            &ids,
            &mut Stems::default(),
            &mut Vec::new(),
        );
        let statement = quotes.iter().position(|q| q.text.contains("tragedy"));
        assert_eq!(
            statement.map(|q| quotes[q].sources.clone()),
            Some(vec!["d0".into(), "d1".into()]),
            "{quotes:#?}"
        );
        let printed = statement.map(|q| &wordings[q]);
        assert!(printed.is_some_and(|w| {
            w.iter()
                .any(|(d, text)| *d == 0 && text.ends_with("tragedy"))
        }));
        // A phrase the report takes into a sentence of its own is its own
        // wording: only the report that quotes it carries the quote.
        let charge = quotes.iter().find(|q| q.text.contains("custody"));
        assert_eq!(charge.map(|q| q.sources.clone()), Some(vec!["d1".into()]));
    }

    #[test]
    fn a_quote_sharing_a_refrain_does_not_hide_the_print_of_another() {
        // A letter whose paragraphs open alike: the report quotes one
        // paragraph and prints another as text, which a second report
        // quotes.
        let sentences = crate::scan::tokens::sentences_static(&[
            (
                0,
                "\"I have never met you, but I know the whole town failed you that night,\" the mayor wrote.",
            ),
            (
                0,
                "I have never met you, but your courage has changed this town for good and forever.",
            ),
            (
                1,
                "\"I have never met you, but your courage has changed this town for good and forever,\" the mayor wrote in the letter.",
            ),
        ]);
        let ids: Vec<String> = (0..2).map(|i| format!("d{i}")).collect();
        let found = entities(&sentences, &ids);
        let (quotes, wordings) = quotes(
            &sentences,
            &[],
            &found,
            &ids,
            &mut Stems::default(),
            &mut Vec::new(),
        );
        let courage = wordings.iter().find(|w| {
            w.iter()
                .any(|(d, text)| *d == 1 && text.contains("courage"))
        });
        assert!(
            courage
                .is_some_and(|w| w.iter().any(|(d, text)| *d == 0
                    && text.starts_with("I have never met you, but your courage"))),
            "{quotes:#?} {wordings:#?}"
        );
    }

    #[test]
    fn remarks_on_the_storys_subject_are_not_one_quote_for_sharing_it() {
        let quotes = run(&[
            (0, "Ferry crossings to the island resumed after the storm."),
            (
                1,
                "Ferry crossings were halted for three days by the storm.",
            ),
            (2, "The island depends on ferry crossings for food."),
            (3, "Ferry crossings are the island's only link."),
            (0, "\"Ferry crossings keep us alive,\" one resident said."),
            (1, "\"Ferry crossings are everything,\" a fisherman said."),
        ]);
        let alive = quotes.iter().find(|q| q.text.contains("alive"));
        assert_eq!(alive.map(|q| q.sources.len()), Some(1), "{quotes:#?}");
    }

    #[test]
    fn remarks_sharing_only_words_of_talk_are_two_quotes() {
        let quotes = run(&[
            (
                0,
                "\"I just really think the school failed us,\" Mae Shell said.",
            ),
            (
                1,
                "\"I really think nothing failed,\" Mae Shell said of the school board.",
            ),
            // The same remark in other words is still one quote.
            (
                2,
                "\"I just really think the school failed us all,\" Mae Shell said.",
            ),
        ]);
        assert_eq!(
            sources_of(&quotes, "failed us"),
            Some(vec!["d0".to_string(), "d2".to_string()]),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_short_phrase_on_a_longer_quotes_words_but_not_in_them_is_another_quote() {
        let quotes = run(&[
            (
                0,
                "She says her husband moved \"substantial portions of certain valuable assets\" abroad.",
            ),
            (
                1,
                "She accuses him of moving \"substantial portions of certain valuable assets\" abroad.",
            ),
            (
                1,
                "He accused her of depleting \"a substantial portion\" of them.",
            ),
            (
                2,
                "He says she spent \"a substantial portion\" of the savings.",
            ),
        ]);
        let texts: Vec<(&str, usize)> = quotes
            .iter()
            .map(|q| (q.text.as_str(), q.sources.len()))
            .collect();
        assert!(
            texts.contains(&("substantial portions of certain valuable assets", 2))
                && texts.contains(&("a substantial portion", 2)),
            "{quotes:#?}"
        );
        // Nor is a phrase inside another's words only as a part of a word.
        let quotes = run(&[
            (
                0,
                "\"We will rebuild the bridges by spring,\" the mayor said.",
            ),
            (1, "The mayor vowed to \"rebuild the bridge\" soon."),
        ]);
        assert_eq!(quotes.len(), 2, "{quotes:#?}");
        // Cut from the quote, the phrase keeps its words: the same quote.
        let quotes = run(&[
            (
                0,
                "\"And reality is the situation, and I can't speak,\" he said.",
            ),
            (1, "He said \"the reality is the situation\" there."),
        ]);
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
    }

    #[test]
    fn a_fragment_with_an_ellipsis_or_an_insertion_is_the_quote_it_cuts() {
        let quotes = run(&[
            (
                0,
                "\"The old bridge over the river will be rebuilt by spring, whatever the weather does, and the ferry will run until then,\" Ruiz said.",
            ),
            (
                1,
                "Ruiz said it \"will be rebuilt by spring … until then\".",
            ),
            (2, "\"[The crossing] will be rebuilt by spring,\" she said."),
        ]);
        let bridge = quotes.iter().find(|q| q.text.contains("rebuilt"));
        assert_eq!(
            bridge.map(|q| q.sources.clone()),
            Some(vec!["d0".into(), "d1".into(), "d2".into()]),
            "{quotes:#?}"
        );
    }

    #[test]
    fn speech_with_capitalised_names_is_not_a_title() {
        let quotes = run(&[
            (
                0,
                "\"Things Mr. Okafor and I can fix\" was the list he kept.",
            ),
            (1, "He called it \"Things Mr. Okafor and I can fix\"."),
            (2, "She sang \"Songs of the Northern Sea\" twice."),
            (3, "They hummed \"Songs of the Northern Sea\" too."),
            (2, "Hits included \"Count on Me\" and \"With Your Love\"."),
            (3, "He sang \"With Your Love\" and \"Count on Me\" live."),
        ]);
        assert!(
            !quotes
                .iter()
                .any(|q| q.text.contains("Count") || q.text.contains("Love")),
            "{quotes:#?}"
        );
        assert!(
            quotes.iter().any(|q| q.text.contains("Okafor")),
            "{quotes:#?}"
        );
        assert!(
            !quotes.iter().any(|q| q.text.contains("Northern")),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_term_in_quotation_marks_inside_a_sentence_is_not_speech() {
        let quotes = run(&[
            (
                0,
                "Minister Dara Okon backed what the council calls a \"temporary border measure\" in the north.",
            ),
            (
                1,
                "Okon defended the \"temporary border measure\" on Tuesday, officials said.",
            ),
            (2, "Okon said the meeting had been \"long and useful\"."),
        ]);
        assert!(
            !quotes.iter().any(|q| q.text.contains("border")),
            "{quotes:#?}"
        );
        assert!(
            quotes.iter().any(|q| q.text == "long and useful"),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_quote_three_sentences_long_holds_its_middle_sentence() {
        let quotes = run(&[
            (0, "\"The river rose faster than anyone expected."),
            (0, "We moved the children to the school on the hill first."),
            (
                0,
                "Then we went back for the animals,\" farmer Jana Kos said.",
            ),
            (
                1,
                "Kos said: \"We moved the children to the school on the hill first.\"",
            ),
            (1, "The water receded on Friday."),
            (1, "Officials counted the damage."),
        ]);
        let hill = quotes.iter().find(|q| q.text.contains("hill"));
        assert_eq!(
            hill.map(|q| q.sources.clone()),
            Some(vec!["d0".into(), "d1".into()]),
            "{quotes:#?}"
        );
        assert!(
            !quotes.iter().any(|q| q.text.contains("receded")),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_speaker_named_with_a_title_after_the_quote() {
        let quotes = run(&[
            (0, "\"The deal is dead,\" Senator Mark Smith said."),
            (0, "\"We will try again next year,\" said Mayor Tom Reed."),
        ]);
        let speaker = |words: &str| speaker_of(&quotes, words);
        assert_eq!(speaker("deal is dead").as_deref(), Some("Mark Smith"));
        assert_eq!(speaker("try again").as_deref(), Some("Tom Reed"));
    }

    #[test]
    fn he_is_no_name_that_only_names_a_kind_of_thing() {
        let quotes = run(&[
            (0, "Police spokesman Lamar Greene took questions on Monday."),
            (
                0,
                "Reporters asked about the Charlie Sheen matter at the station.",
            ),
            (
                0,
                "\"We have put together a fact sheet for all of you,\" he said.",
            ),
        ]);
        let sheet = quote_holding(&quotes, "fact sheet").expect("the quote");
        assert_eq!(
            sheet.speaker.as_deref(),
            Some("Lamar Greene"),
            "{quotes:#?}"
        );
    }

    #[test]
    fn an_office_or_spokesman_speaks_for_its_principal() {
        let quotes = run(&[
            (0, "President Mira Sand flew home on Monday."),
            (0, "\"The visit opened a new chapter,\" Sand's office said."),
            (
                1,
                "The ministry's spokesman said: \"No agreement was signed today.\"",
            ),
        ]);
        let speaker = |words: &str| {
            quotes
                .iter()
                .find(|q| q.text.contains(words))
                .and_then(|q| q.speaker.clone())
        };
        assert_eq!(
            speaker("new chapter").as_deref(),
            Some("Sand's office"),
            "{quotes:#?}"
        );
        assert_eq!(
            speaker("No agreement").as_deref(),
            Some("the ministry's spokesman"),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_speaker_quoted_in_the_passive() {
        let quotes = run(&[
            (0, "President Mira Sand arrived in the capital on Monday."),
            (
                0,
                "Sand was quoted as saying \"our doors stay open to every neighbour\" by the agency.",
            ),
        ]);
        assert_eq!(
            quotes.first().and_then(|q| q.speaker.as_deref()),
            Some("Mira Sand"),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_quote_merged_in_one_report_is_each_of_the_quotes_others_print_apart() {
        let quotes = run(&[
            (0, "Harbour master Ines Moreau spoke on Monday."),
            (
                0,
                "\"The harbour will reopen on Monday after the storm damage is repaired,\" Moreau said.",
            ),
            (
                0,
                "\"Every crane on the quay has been checked twice by our engineers,\" Moreau said.",
            ),
            (
                1,
                "Moreau said: \"The harbour will reopen on Monday after the storm damage is repaired; every crane on the quay has been checked twice by our engineers.\"",
            ),
        ]);
        for words in ["storm damage", "crane on the quay"] {
            let quote = quotes.iter().find(|q| q.text.contains(words));
            assert_eq!(
                quote.map(|q| q.sources.clone()),
                Some(vec!["d0".into(), "d1".into()]),
                "{words}: {quotes:#?}"
            );
        }
    }

    #[test]
    fn a_quote_cut_differently_is_one_quote_whoever_each_report_names() {
        let quotes = run(&[
            (
                0,
                "Mayor Ana Ruiz and Councillor Tomas Berg toured the valley.",
            ),
            (
                0,
                "\"When the dam broke I thought of my own family first. The water rose faster than anyone in the valley had expected, and by noon the old bridge was gone,\" Ruiz said.",
            ),
            (
                1,
                "\"The water rose faster than anyone in the valley had expected, we lost the school,\" Berg said.",
            ),
            (
                2,
                "Ruiz said the water rose \"faster than anyone expected\".",
            ),
        ]);
        assert_eq!(
            sources_of(&quotes, "valley"),
            Some(vec!["d0".into(), "d1".into()]),
            "{quotes:#?}"
        );
    }

    #[test]
    fn contractions_are_spelt_out_in_the_wording_key() {
        assert_eq!(
            wording_key("It's time to go underwater."),
            wording_key("It is time to go underwater,")
        );
        assert_eq!(wording_key("We didn’t know"), "we did not know");
        assert_eq!(
            wording_key("They won't, we're sure"),
            "they will not we are sure"
        );
        // A possessive is no contraction.
        assert_eq!(wording_key("Trump's team"), "trump s team");
    }

    #[test]
    fn a_quote_with_an_insertion_is_the_quote_without_it() {
        let quotes = run(&[
            (
                0,
                "\"Find [the driver of the stolen white delivery truck] and wear him out,\" the sergeant told officers.",
            ),
            (
                1,
                "\"Find him and wear him out,\" Sergeant Paul Vance said.",
            ),
        ]);
        let wear = quotes.iter().find(|q| q.text.contains("wear him out"));
        assert_eq!(
            wear.map(|q| q.sources.clone()),
            Some(vec!["d0".into(), "d1".into()]),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_speaker_named_in_full_and_by_surname_is_one_speaker() {
        // With two Dunns named, "Dunn" is a name of its own.
        let quotes = run(&[
            (0, "The court in Jacksonville heard Dunn on Friday."),
            (0, "\"I'm the victim here,\" Dunn said."),
            (
                1,
                "A jury in Jacksonville found Michael Dunn guilty on Friday.",
            ),
            (1, "His son Chris Dunn testified on Thursday."),
            (
                1,
                "\"I was like I'm the victim here, I was the one who was victimized,\" Michael Dunn said.",
            ),
        ]);
        let victim = quotes.iter().find(|q| q.text.contains("victim here"));
        assert_eq!(
            victim.map(|q| q.sources.clone()),
            Some(vec!["d0".into(), "d1".into()]),
            "{quotes:#?}"
        );
    }

    #[test]
    fn a_speaker_whose_name_two_reports_spell_apart_by_an_s_is_one_speaker() {
        let quotes = run(&[
            (
                0,
                "\"Our people are very smart,\" Police Chief Steve Mullins said.",
            ),
            (
                1,
                "\"I think people can decide for themselves. Our people are very smart. They are strong,\" Police Chief Steve Mullin said.",
            ),
        ]);
        assert_eq!(
            sources_of(&quotes, "very smart"),
            Some(vec!["d0".into(), "d1".into()]),
            "{quotes:#?}"
        );
        assert!(same_surname("mullin", "mullins"));
        assert!(!same_surname("li", "lis"));
        assert!(!same_surname("smith", "smyth"));
    }

    #[test]
    fn a_four_word_fragment_inside_a_longer_quote_is_that_quote() {
        // ("Tried" is the story's own word: every report uses it.)
        let quotes = run(&[
            (2, "The musher tried to race again after she was attacked."),
            (0, "The musher tried to finish the race."),
            (
                0,
                "The report says the snowmobile driver \"tried to kill me.\"",
            ),
            (1, "Zirkle tried to go on after the attack."),
            (
                1,
                "\"Someone tried to kill me with a snowmachine,\" Aliy Zirkle said.",
            ),
        ]);
        let kill = quote_holding(&quotes, "kill me").expect("the quote");
        assert_eq!(kill.sources, ["d0", "d1"], "{quotes:#?}");
    }

    #[test]
    fn four_words_inside_another_speaker_s_quote_are_a_quote_of_their_own() {
        let quotes = run(&[
            (
                0,
                "\"I don't know that,\" a council spokesman said on Friday.",
            ),
            (
                1,
                "\"I don't know that anyone believes him any more,\" said Tom Hargreaves, the opposition leader.",
            ),
        ]);
        let shared = quotes
            .iter()
            .filter(|q| q.text.contains("know that"))
            .map(|q| q.sources.len())
            .collect::<Vec<_>>();
        assert_eq!(shared, vec![1, 1], "{quotes:#?}");
    }

    #[test]
    fn only_two_people_tell_two_quotes_apart() {
        let quotes = run(&[
            (
                0,
                "The Ventura Police Department said the man acted \"in a threatening manner.\"",
            ),
            (1, "Sergeant Mitch Celaya spoke to reporters on Monday."),
            (
                1,
                "\"He pulled a knife from his backpack and waved it in a threatening manner,\" Celaya said.",
            ),
        ]);
        let manner = quotes.iter().find(|q| q.text.contains("threatening"));
        assert_eq!(
            manner.map(|q| q.sources.clone()),
            Some(vec!["d0".into(), "d1".into()]),
            "{quotes:#?}"
        );
    }

    /// Each case: one story's sentences, and the (sources, speaker) the
    /// quote holding `words` must have.
    #[test]
    fn quotes_sharing_no_content_word_still_group_by_their_wording() {
        // No content word at all: found by its wording, not by its words.
        let quotes = run(&[
            (0, "\"We will not give up on it,\" Ruiz said."),
            (1, "Ruiz told the crowd: \"We will not give up on it.\""),
            (2, "\"The bridge will stand for a century,\" Ruiz said."),
        ]);
        let quote = quotes.iter().find(|q| q.text.contains("give up"));
        assert_eq!(
            quote.map(|q| q.sources.clone()),
            Some(vec!["d0".into(), "d1".into()])
        );
        // Cut with an ellipsis, matched piece by piece.
        let quotes = run(&[
            (
                0,
                "\"We will rebuild the bridge and the school by spring,\" Ruiz said.",
            ),
            (1, "\"We will rebuild … by spring,\" Ruiz said."),
        ]);
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
    }

    #[test]
    fn quotes_are_read_whatever_marks_print_them() {
        type Case = (
            &'static str,
            Vec<(usize, &'static str)>,
            &'static str,
            Vec<&'static str>,
            Option<&'static str>,
        );
        let cases: Vec<Case> = vec![
            (
                "a title with its nationality",
                vec![
                    (
                        1,
                        "Turkish President Recep Tayyip Erdogan met Putin in Sochi.",
                    ),
                    (
                        1,
                        "\"We will keep working for peace in the region,\" the Turkish president said.",
                    ),
                ],
                "working for peace",
                vec!["d1"],
                Some("Recep Tayyip Erdogan"),
            ),
            (
                "LDC newswire marks",
                vec![
                    (0, "Mayor Ana Ruiz visited the site."),
                    (0, "``We will rebuild the bridge by spring,'' Ruiz said."),
                    (1, "Ruiz said: ``We will rebuild the bridge by spring.''"),
                ],
                "rebuild the bridge",
                vec!["d0", "d1"],
                Some("Ana Ruiz"),
            ),
            (
                "two apostrophes at both ends",
                vec![
                    (0, "Mayor Ana Ruiz visited the site."),
                    (0, "''We will rebuild the bridge by spring,'' Ruiz said."),
                    (1, "``We will rebuild the bridge by spring,'' Ruiz said."),
                ],
                "rebuild the bridge",
                vec!["d0", "d1"],
                Some("Ana Ruiz"),
            ),
            (
                "an opening mark left at the end of the sentence before",
                vec![
                    (0, "The band will play three shows in July. “"),
                    (
                        0,
                        "We will play one last time to thank the fans who came with us,\" Lesh said.",
                    ),
                    (
                        1,
                        "Added Lesh: \"We will play one last time to thank the fans who came with us.\"",
                    ),
                ],
                "play one last time",
                vec!["d0", "d1"],
                Some("Lesh"),
            ),
            (
                "curly and straight apostrophes, speakers read differently",
                vec![
                    (
                        0,
                        "\"The President's focus is on our long-term economic fundamentals, which remain strong,\" Sanders said.",
                    ),
                    (
                        1,
                        "“The President’s focus is on our long-term economic fundamentals, which remain strong,” said Press Secretary Sarah Sanders of Arkansas.",
                    ),
                ],
                "economic fundamentals",
                vec!["d0", "d1"],
                Some("Sarah Sanders"),
            ),
        ];
        for (name, texts, words, sources, speaker) in cases {
            let quotes = run(&texts);
            let quote = quotes.iter().find(|q| q.text.contains(words));
            let Some(quote) = quote else {
                panic!("{name}: no quote with {words:?} in {quotes:#?}");
            };
            assert_eq!(quote.sources, sources, "{name}: {quotes:#?}");
            if speaker.is_some() {
                assert_eq!(quote.speaker.as_deref(), speaker, "{name}: {quotes:#?}");
            }
            assert!(
                !quotes.iter().any(|q| q.text.ends_with(" said.")),
                "{name}: a reporting clause read as a quote: {quotes:#?}"
            );
        }
    }
}
