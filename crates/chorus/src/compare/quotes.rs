//! Quotes: quoted speech with its speaker, grouped across outlets.
//!
//! A speaker is the name next to a reporting verb on either side of the
//! quote ("…," Nasser said / Nasser said, "…" / according to Nasser); "he"
//! or "she" is the person last named before the quote in the same
//! report, "the president" the person last named with that title. Quotes
//! group when their words agree — the same wording, one inside the other,
//! half their content words shared, or 35% shared and the same
//! speaker (a quote translated twice shares few words).

use super::entities::Entities;
use super::stems::Stems;
use crate::model::{EntityKind, Quote, QuoteVariant};
use crate::prepare::limits::thousands;
use crate::scan::tokens::{Sentence, Token, TokenKind};

/// Quotes shorter than this are scare quotes or titles, not speech.
const MIN_QUOTE_WORDS: usize = 3;
/// Content words a quote inside another needs to count as the same quote
/// ("bogus arbitration proceeding" does; "shut her up" may be a phrase two
/// quotes share).
const MIN_CONTAINED_WORDS: usize = 2;
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
    /// Lower-case letters and digits only: equal wordings compare equal.
    key: String,
    stems: Vec<u32>,
    speaker: Option<usize>,
}

fn is_open(token: &Token) -> bool {
    matches!(token.text, "\"" | "“" | "``")
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

/// The quoted spans of a sentence. A quote left open runs to the end of
/// the sentence; a sentence that starts inside a quote (the segmenter
/// splits long quotes: “She's new. That's my grandchild.”) gives the
/// words before its closing mark. `starts_inside` says the previous
/// sentence ended on an opening mark, which the segmenter leaves there
/// (“…” is split as `… Anastasio. “` / `We will …," Lesh said.`).
fn spans(tokens: &[Token], starts_inside: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    let marks: Vec<usize> = (0..tokens.len())
        .filter(|&k| is_open(&tokens[k]) || is_close(&tokens[k]))
        .collect();
    if let Some(&first) = marks.first() {
        let straight = marks.iter().filter(|&&k| tokens[k].text == "\"").count();
        let closes_first = matches!(tokens[first].text, "”" | "''")
            || (starts_inside && tokens[first].text == "\"")
            || (tokens[first].text == "\""
                && straight % 2 == 1
                && first > 0
                && matches!(tokens[first - 1].text, "." | "," | "?" | "!" | "…"));
        if closes_first && first > 0 {
            out.push(Span {
                inside: (0, first),
                continued: true,
                open: None,
                close: first,
            });
            i = first + 1;
        }
    }
    while i < tokens.len() {
        if is_open(&tokens[i]) {
            let close = (i + 1..tokens.len())
                .find(|&j| is_close(&tokens[j]))
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

/// Whether a sentence's last token opens a quote: a “, or a straight
/// mark that is the sentence's odd one out.
fn ends_open(tokens: &[Token]) -> bool {
    let straight = tokens.iter().filter(|t| t.text == "\"").count();
    tokens.last().is_some_and(|t| {
        matches!(t.text, "“" | "``")
            || (t.text == "\""
                && straight % 2 == 1
                && tokens.len() > 1
                && !matches!(tokens[tokens.len() - 2].text, "." | "," | "?" | "!" | "…"))
    })
}

/// Whether quoted words are a title ("Gone with the Wind", "Fare Thee
/// Well"): two or more words besides function words, all capitalised.
fn is_title(inside: &[Token]) -> bool {
    let words: Vec<&Token> = inside
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.has(crate::scan::lexicon::FUNCTION))
        .collect();
    (2..=8).contains(&words.len()) && words.iter().all(|t| t.capitalized())
}

/// Finds every quote, attributes it, and groups the wordings.
pub fn quotes(
    sentences: &[Sentence],
    entities: &Entities,
    ids: &[String],
    stems: &mut Stems,
    notes: &mut Vec<String>,
) -> Quotes {
    let mut found = find(sentences, entities, stems);
    if let Some(kept) = super::keep_earliest(&mut found, MAX_QUOTES, |q| (q.sentence, q.document)) {
        notes.push(format!(
            "the reports hold {} quotes: {} were compared, each report's earliest in turn",
            thousands(kept.len()),
            thousands(MAX_QUOTES)
        ));
    }
    group(found, entities, ids)
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

fn find(sentences: &[Sentence], entities: &Entities, stems: &mut Stems) -> Vec<QuoteMention> {
    let mut found: Vec<QuoteMention> = Vec::new();
    // The last quote of the previous sentence, which a sentence starting
    // inside a quote continues: (document, sentence, speaker).
    let mut open_quote: Option<(usize, usize, Option<usize>)> = None;
    // The sentence before, when it ended on an opening quotation mark.
    let mut ended_open: Option<(usize, usize)> = None;
    for sentence in sentences {
        let tokens = &sentence.tokens;
        let starts_inside =
            ended_open == Some((sentence.document, sentence.position.wrapping_sub(1)));
        ended_open = tokens
            .last()
            .filter(|_| ends_open(tokens))
            .map(|_| (sentence.document, sentence.position));
        for span in spans(tokens, starts_inside) {
            let inside = &tokens[span.inside.0..span.inside.1];
            let words = inside
                .iter()
                .filter(|t| t.kind != TokenKind::Symbol)
                .count();
            let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
                continue;
            };
            if words < MIN_QUOTE_WORDS || is_title(inside) {
                continue;
            }
            let text = sentence.text[first.start..last.end]
                .trim_end_matches([',', ';', ':', ' '])
                .to_string();
            let bytes = (first.start, first.start + text.len());
            let key = wording_key(&text);
            let continued_speaker = match open_quote {
                Some((d, s, speaker))
                    if span.continued && d == sentence.document && s + 1 == sentence.position =>
                {
                    speaker
                }
                _ => None,
            };
            let speaker = continued_speaker.or_else(|| speaker(sentence, span, entities));
            found.push(QuoteMention {
                document: sentence.document,
                sentence: sentence.position,
                span: bytes,
                speaker,
                stems: stems.content(inside),
                text,
                key,
            });
        }
        open_quote = found
            .last()
            .filter(|m| m.document == sentence.document)
            .map(|m| (sentence.document, sentence.position, m.speaker));
    }
    found
}

/// A quote's words in lower case, single-spaced, without punctuation:
/// equal wordings compare equal however they were punctuated.
fn wording_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            key.push_str(word);
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    key.make_ascii_lowercase();
    key
}

fn lower<'t>(token: &'t Token) -> &'t str {
    token.lower()
}

fn is_reporting(token: &Token) -> bool {
    token.has(crate::scan::lexicon::REPORTING)
}

/// The entity (index) who says the quote at tokens `open..close`.
fn speaker(sentence: &Sentence, span: Span, entities: &Entities) -> Option<usize> {
    let close = span.close;
    let open = span.open.unwrap_or(0);
    let tokens = &sentence.tokens;
    // A document's names are in reading order: this sentence's are a run.
    let in_document = entities.in_document(sentence.document);
    let start = in_document.partition_point(|(m, _)| m.sentence < sentence.position);
    let end = in_document.partition_point(|(m, _)| m.sentence <= sentence.position);
    let names: Vec<&(super::entities::NameMention, usize)> =
        in_document[start..end].iter().collect();
    let name_at = |i: usize| names.iter().find(|(m, _)| m.token == i).map(|(_, e)| *e);
    let name_ending_at = |end: usize| names.iter().find(|(m, _)| m.end == end).map(|(_, e)| *e);
    // After: "…," Nasser said / "…," said Nasser / "…," he said.
    let mut i = close + 1;
    while tokens
        .get(i)
        .is_some_and(|t| matches!(t.text, "," | "—" | "-"))
    {
        i += 1;
    }
    if let Some(token) = tokens.get(i) {
        if is_reporting(token) {
            if let Some(e) = name_at(i + 1) {
                return Some(e);
            }
            if let Some(e) = reference(sentence, i + 1, open, entities) {
                return Some(e);
            }
        }
        if let Some(m) = names.iter().find(|(m, _)| m.token == i)
            && tokens.get(m.0.end).is_some_and(is_reporting)
        {
            return Some(m.1);
        }
        if let Some(e) = reference(sentence, i, open, entities) {
            return Some(e);
        }
    }
    // Before: Nasser said, "…" / Nasser said that his country "…".
    let verb = (0..open).rev().find(|&v| is_reporting(&tokens[v]));
    if let Some(v) = verb {
        if let Some(e) = name_ending_at(v) {
            return Some(e);
        }
        // Added Lesh: "…"
        if let Some(e) = name_at(v + 1).filter(|_| v + 1 < open) {
            return Some(e);
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
    let earlier = entities
        .in_document(sentence.document)
        .iter()
        .filter(|(m, e)| {
            (m.sentence < sentence.position || (m.sentence == sentence.position && m.token < limit))
                && entities.list[*e].kind == EntityKind::Person
                && title
                    .as_deref()
                    .is_none_or(|t| m.title.as_deref().is_some_and(|mt| mt.contains(t)))
        });
    earlier
        .max_by_key(|(m, _)| (m.sentence, m.token))
        .map(|(_, e)| *e)
}

fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    2.0 * shared as f32 / (a.len() + b.len()) as f32
}

/// Whether two quote mentions are the same quote.
fn same_quote(a: &QuoteMention, b: &QuoteMention) -> bool {
    if a.key == b.key {
        return true;
    }
    if let (Some(x), Some(y)) = (a.speaker, b.speaker)
        && x != y
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
    let (short, long) = if a.key.len() <= b.key.len() {
        (a, b)
    } else {
        (b, a)
    };
    let substantial =
        short.stems.len() >= MIN_CONTAINED_WORDS || (a.speaker.is_some() && a.speaker == b.speaker);
    if substantial
        && short
            .stems
            .iter()
            .all(|x| long.stems.binary_search(x).is_ok())
        && long.key.contains(&short.key)
    {
        return true;
    }
    let similarity = dice(&a.stems, &b.stems);
    let shared = a
        .stems
        .iter()
        .filter(|x| b.stems.binary_search(x).is_ok())
        .count();
    (similarity >= SAME_QUOTE && shared >= MIN_SHARED_WORDS)
        || (a.speaker.is_some()
            && a.speaker == b.speaker
            && similarity >= SAME_SPEAKER_QUOTE
            && shared >= 2)
}

fn group(found: Vec<QuoteMention>, entities: &Entities, ids: &[String]) -> Quotes {
    // A quote joins the group most of whose quotes it matches, so that a
    // speaker's many remarks on one subject do not chain into one quote.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..found.len() {
        match groups.iter_mut().find(|g| {
            let matching = g
                .iter()
                .filter(|&&j| same_quote(&found[j], &found[i]))
                .count();
            matching > 0 && matching * 2 >= g.len()
        }) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    let mut quotes: Vec<(Quote, Wordings, usize)> = groups
        .into_iter()
        .map(|g| {
            // Distinct wordings, each with its sources, most used first.
            let mut wordings: Vec<(String, &str, Vec<usize>)> = Vec::new();
            for &i in &g {
                let m = &found[i];
                match wordings.iter_mut().find(|(key, ..)| *key == m.key) {
                    Some((_, _, docs)) => {
                        if !docs.contains(&m.document) {
                            docs.push(m.document);
                        }
                    }
                    None => wordings.push((m.key.clone(), &m.text, vec![m.document])),
                }
            }
            wordings.sort_by_key(|w| std::cmp::Reverse(w.2.len()));
            let mut documents: Vec<usize> = g.iter().map(|&i| found[i].document).collect();
            documents.sort_unstable();
            documents.dedup();
            let mut speakers: Vec<usize> = g.iter().filter_map(|&i| found[i].speaker).collect();
            speakers.sort_unstable();
            let speaker = speakers
                .chunk_by(|a, b| a == b)
                .max_by_key(|run| run.len())
                .and_then(|run| entities.list.get(run[0]))
                .map(|e| e.name.clone());
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
            (quote, said, g[0])
        })
        .collect();
    quotes.sort_by(|(a, _, i), (b, _, j)| b.sources.len().cmp(&a.sources.len()).then(i.cmp(j)));
    quotes.into_iter().map(|(q, said, _)| (q, said)).unzip()
}

#[cfg(test)]
mod tests {
    use super::super::entities::entities;
    use super::*;

    fn run(texts: &[(usize, &'static str)]) -> Vec<Quote> {
        let sentences = crate::scan::tokens::sentences_static(texts);
        let ids: Vec<String> = (0..5).map(|i| format!("d{i}")).collect();
        let found = entities(&sentences, &ids);
        quotes(
            &sentences,
            &found,
            &ids,
            &mut Stems::default(),
            &mut Vec::new(),
        )
        .0
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

    /// Each case: one story's sentences, and the (sources, speaker) the
    /// quote holding `words` must have.
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
