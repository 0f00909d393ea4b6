//! Extract: what the scanners find in one article on its own — dates,
//! times, lengths and sets of time with their TimeML values, quantities
//! with their qualifiers, quotes with their speakers, named entities —
//! each with character offsets into the article's text as it was given.
//!
//! For people who want the parsers alone, as they would use a temporal
//! tagger or a quantity parser: no story, no clustering, no summary. The
//! text is read as given (nothing cleaned away), split into lines and
//! sentences only to scan them; every offset is a Unicode code point
//! index into the article's `text`, so a caller slicing by characters
//! gets the mention back.

use chrono::NaiveDate;
use serde::Serialize;

use crate::compare::{entities, quotes, stems::Stems};
use crate::ingest::publication_date;
use crate::model::{Article, Bound, EntityKind, FactKind};
use crate::prepare::segment::segment;
use crate::scan::dates::{self, DateMention, Resolved, Resolver, TimexType};
use crate::scan::quantity;
use crate::scan::tokens::{Sentence, tokenize};

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A stretch of the calendar ("Friday", "last week", "now").
    Date,
    /// A time of day ("10 p.m. Wednesday", "this morning").
    Time,
    /// A length of time ("three hours").
    Duration,
    /// Something that recurs ("daily", "each winter").
    Set,
    /// A count, an amount, a share or a measure.
    Quantity,
    /// Quoted speech.
    Quote,
    /// A name.
    Entity,
}

impl From<TimexType> for MentionKind {
    fn from(kind: TimexType) -> MentionKind {
        match kind {
            TimexType::Date => MentionKind::Date,
            TimexType::Time => MentionKind::Time,
            TimexType::Duration => MentionKind::Duration,
            TimexType::Set => MentionKind::Set,
        }
    }
}

/// A value: a TimeML value for time expressions, a number for quantities.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// "2013-03-22", "P3D", "PRESENT_REF".
    Text(String),
    /// 1200000.
    Number(f64),
}

/// One mention in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// What it is.
    pub kind: MentionKind,
    /// First character (Unicode code point) in the article's text.
    pub start: usize,
    /// Character just past it.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Its value: TimeML's for time expressions, the number for a
    /// quantity; absent when it cannot be worked out (see `note`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// TimeML's qualifier of a time expression ("APPROX", "START").
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
    /// A quantity's unit: "%", a currency code, a counted noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A quantity's qualifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// Who says a quote, by the fullest name the article gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// What an entity is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityKind>,
    /// An entity's fullest name in the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Why a value is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Mention {
    fn new(kind: MentionKind, start: usize, end: usize, text: &str) -> Mention {
        Mention {
            kind,
            start,
            end,
            text: text.to_string(),
            value: None,
            modifier: None,
            unit: None,
            bound: None,
            speaker: None,
            entity: None,
            name: None,
            note: None,
        }
    }
}

/// Everything found in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    /// The article's id.
    pub id: String,
    /// The publication date relative expressions were read against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Every mention, in reading order.
    pub mentions: Vec<Mention>,
}

/// A sentence of the article: its byte offset and text.
struct Piece<'a> {
    offset: usize,
    /// Index of the line (the paragraph) it is in.
    line: usize,
    text: &'a str,
}

/// The article's sentences as slices of its text: lines, then sentences
/// within each line.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let offset = line_start;
        line_start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let mut cursor = 0;
        for sentence in segment(&[line.to_string()]) {
            match line[cursor..].find(sentence.text.as_str()) {
                Some(at) => {
                    let start = cursor + at;
                    let end = start + sentence.text.len();
                    out.push(Piece {
                        offset: offset + start,
                        line: index,
                        text: &line[start..end],
                    });
                    cursor = end;
                }
                // The segmenter gave back text that is not a slice of the
                // line: scan the rest of the line as one piece.
                None => {
                    let rest = &line[cursor..];
                    let trimmed = rest.trim_start();
                    let start = cursor + rest.len() - trimmed.len();
                    if !trimmed.trim().is_empty() {
                        out.push(Piece {
                            offset: offset + start,
                            line: index,
                            text: trimmed.trim_end(),
                        });
                    }
                    break;
                }
            }
        }
    }
    out
}

/// The article's non-empty lines, trimmed: the time scanner reads a line
/// whole, since the segmenter ends a sentence at "p.m." before "Wednesday".
fn lines(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        let start = offset + line.len() - trimmed.len();
        offset += line.len();
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            out.push(Piece {
                offset: start,
                line: index,
                text: trimmed,
            });
        }
    }
    out
}

/// Byte offsets into code point offsets.
struct Chars {
    /// For each byte offset, the code point index (only for non-ASCII
    /// texts; ASCII offsets are the same).
    index: Option<Vec<u32>>,
}

impl Chars {
    fn new(text: &str) -> Chars {
        if text.is_ascii() {
            return Chars { index: None };
        }
        let mut index = vec![0u32; text.len() + 1];
        let mut count = 0u32;
        for (byte, c) in text.char_indices() {
            for slot in &mut index[byte..byte + c.len_utf8()] {
                *slot = count;
            }
            count += 1;
        }
        index[text.len()] = count;
        Chars { index: Some(index) }
    }

    fn at(&self, byte: usize) -> usize {
        match &self.index {
            None => byte,
            Some(index) => index.get(byte).copied().unwrap_or(0) as usize,
        }
    }
}

/// What `article` mentions, read against its publication date (when it
/// has one); `today` is the day the reader reads on, for a weekday given
/// with a day and month and no year.
pub fn extract(article: &Article, today: Option<NaiveDate>) -> Extraction {
    let text = article.text.as_str();
    let anchor = article.date.as_deref().and_then(publication_date);
    let chars = Chars::new(text);
    let pieces = pieces(text);
    let lowered: Vec<String> = pieces.iter().map(|p| p.text.to_ascii_lowercase()).collect();
    let sentences: Vec<Sentence> = pieces
        .iter()
        .zip(&lowered)
        .enumerate()
        .map(|(position, (piece, lower))| Sentence {
            document: 0,
            position,
            paragraph: piece.line,
            text: piece.text,
            tokens: tokenize(piece.text, lower),
        })
        .collect();
    let span = |sentence: usize, (start, end): (usize, usize)| {
        let offset = pieces[sentence].offset;
        (chars.at(offset + start), chars.at(offset + end))
    };
    let mut mentions = Vec::new();
    let mut resolver = Resolver::new(anchor);
    if let Some(today) = today {
        resolver = resolver.today(today);
    }
    for line in lines(text) {
        let lower = line.text.to_ascii_lowercase();
        let tokens = tokenize(line.text, &lower);
        let found = dates::dates(&tokens);
        let resolved = resolver.resolve_sentence(&found);
        for (mention, value) in found.iter().zip(resolved) {
            let (start, end) = (
                chars.at(line.offset + mention.span.0),
                chars.at(line.offset + mention.span.1),
            );
            let written = &line.text[mention.span.0..mention.span.1];
            mentions.push(time_mention(written, start, end, mention, value, anchor));
        }
    }
    for (s, sentence) in sentences.iter().enumerate() {
        for q in quantity::quantities(&sentence.tokens) {
            // Lengths of time are the time scanner's, with TimeML values;
            // "the two leaders" claims no count.
            if q.kind == FactKind::Duration || quantity::names_a_known_set(&sentence.tokens, &q) {
                continue;
            }

            let (start, end) = span(s, q.span);
            let mut m = Mention::new(
                MentionKind::Quantity,
                start,
                end,
                &sentence.text[q.span.0..q.span.1],
            );
            m.value = Some(Value::Number(q.value));
            m.unit = q.unit.clone();
            m.bound = Some(q.bound);
            mentions.push(m);
        }
    }
    let ids = [article.id.clone()];
    let found = entities::entities(&sentences, &ids);
    for (name, entity) in &found.mentions {
        let sentence = &sentences[name.sentence];
        let (Some(first), Some(last)) = (
            sentence.tokens.get(name.token),
            sentence.tokens.get(name.end.saturating_sub(1)),
        ) else {
            continue;
        };
        let (start, end) = span(name.sentence, (first.start, last.end));
        let mut m = Mention::new(
            MentionKind::Entity,
            start,
            end,
            &sentence.text[first.start..last.end],
        );
        if let Some(entity) = found.list.get(*entity) {
            m.entity = Some(entity.kind);
            m.name = Some(entity.name.clone());
        }
        mentions.push(m);
    }
    let mut stems = Stems::default();
    for quote in quotes::quote_mentions(&sentences, &found, &mut stems) {
        let sentence = &sentences[quote.sentence];
        let (start, end) = span(quote.sentence, quote.span);
        let mut m = Mention::new(
            MentionKind::Quote,
            start,
            end,
            &sentence.text[quote.span.0..quote.span.1],
        );
        m.speaker = quote.speaker.map(|e| found.list[e].name.clone());
        mentions.push(m);
    }
    mentions.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    Extraction {
        id: article.id.clone(),
        date: anchor.map(|d| d.format("%Y-%m-%d").to_string()),
        mentions,
    }
}

fn time_mention(
    written: &str,
    start: usize,
    end: usize,
    mention: &DateMention,
    value: Option<Resolved>,
    anchor: Option<NaiveDate>,
) -> Mention {
    let mut m = Mention::new(mention.timex_type().into(), start, end, written);
    m.modifier = mention.modifier.map(|x| x.as_str());
    match value {
        Some(value) => m.value = Some(Value::Text(value.value())),
        None => {
            m.note = Some(if mention.impossible() {
                "not a date on the calendar: left unresolved".to_string()
            } else if anchor.is_none() && mention.relative() {
                "no publication date to read it against".to_string()
            } else {
                "cannot be resolved from the text".to_string()
            });
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, date: Option<&str>) -> Vec<(String, Option<String>)> {
        let mut article = Article::new("a", text);
        if let Some(date) = date {
            article = article.date(date);
        }
        extract(&article, None)
            .mentions
            .into_iter()
            .filter(|m| {
                matches!(
                    m.kind,
                    MentionKind::Date
                        | MentionKind::Time
                        | MentionKind::Duration
                        | MentionKind::Set
                )
            })
            .map(|m| {
                let value = m.value.map(|v| match v {
                    Value::Text(t) => t,
                    Value::Number(n) => n.to_string(),
                });
                (m.text, value)
            })
            .collect()
    }

    #[test]
    fn offsets_are_characters_of_the_text_as_given() {
        let text = "Türkiye 🇹🇷 said on Friday that ₹1,200 crore 😀 was paid.\n\n“We will pay,” said Hakan Demir.";
        let extraction = extract(&Article::new("t", text).date("2023-03-18"), None);
        let chars: Vec<char> = text.chars().collect();
        assert!(!extraction.mentions.is_empty());
        for m in &extraction.mentions {
            assert!(m.start <= m.end && m.end <= chars.len(), "{m:?}");
            let slice: String = chars[m.start..m.end].iter().collect();
            assert_eq!(slice, m.text);
        }
        let kinds: Vec<MentionKind> = extraction.mentions.iter().map(|m| m.kind).collect();
        for kind in [
            MentionKind::Date,
            MentionKind::Quantity,
            MentionKind::Quote,
            MentionKind::Entity,
        ] {
            assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
        }
        let friday = extraction.mentions.iter().find(|m| m.text == "Friday");
        assert_eq!(
            friday.and_then(|m| m.value.clone()),
            Some(Value::Text("2023-03-17".into()))
        );
        let quote = extraction
            .mentions
            .iter()
            .find(|m| m.kind == MentionKind::Quote);
        assert_eq!(
            quote.and_then(|q| q.speaker.clone()).as_deref(),
            Some("Hakan Demir")
        );
    }

    #[test]
    fn timeml_values() {
        let found = values(
            "The company said Friday that third-quarter profit rose. \
             Sales have risen in recent weeks, and the plant will close next week. \
             Talks lasted about three hours; the war ended in the 1990s. \
             It reports daily and has done so since last fall, 41 years ago.",
            Some("1998-08-09"),
        );
        let expected = [
            ("Friday", "1998-08-07"),
            ("third-quarter", "1998-Q3"),
            ("recent weeks", "PXW"),
            ("next week", "1998-W33"),
            ("about three hours", "PT3H"),
            ("the 1990s", "199"),
            ("daily", "P1D"),
            ("last fall", "1997-FA"),
            ("41 years ago", "1957"),
        ];
        let got: Vec<(String, Option<String>)> = found;
        for (text, value) in expected {
            assert!(
                got.iter()
                    .any(|(t, v)| t == text && v.as_deref() == Some(value)),
                "{text} = {value} not in {got:?}"
            );
        }
    }

    #[test]
    fn impossible_dates_are_left_unresolved_and_say_so() {
        let article = Article::new(
            "x",
            "It was signed on 31 February, due on the 45th of May, in the year 99999.",
        )
        .date("2023-03-18");
        let extraction = extract(&article, None);
        let dates: Vec<&Mention> = extraction
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Date)
            .collect();
        assert!(dates.len() >= 3, "{dates:?}");
        for m in dates {
            assert_eq!(m.value, None, "{m:?}");
            assert!(
                m.note.as_deref().is_some_and(|n| n.contains("calendar")),
                "{m:?}"
            );
        }
    }

    #[test]
    fn relative_dates_without_a_date_say_why() {
        let found = extract(&Article::new("x", "They met on Wednesday."), None);
        assert_eq!(found.mentions[0].value, None);
        assert_eq!(
            found.mentions[0].note.as_deref(),
            Some("no publication date to read it against")
        );
    }
}
