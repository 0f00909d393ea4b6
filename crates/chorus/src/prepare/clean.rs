//! Clean: split an article body into paragraphs and drop boilerplate lines
//! (social, subscribe, related, bylines, credits, ads, repeated headlines,
//! subheads), recording each removal and its reason.
//!
//! The rules are shapes of lines, not lists of strings from any one site:
//! a call to action next to a platform name, a "Related:" prefix, a short
//! title-cased line without a verb-bearing sentence ending, and so on.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::ingest::split_headline;
use crate::model::{Article, RemovalReason, Removed};
use crate::prepare::segment::count_words;
use crate::scan::lexicon;

/// What clean keeps of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Headline: the article's own, or its first line when that is one.
    pub title: Option<String>,
    /// Body paragraphs that survived, in order.
    pub paragraphs: Vec<String>,
    /// Lines dropped, with reasons.
    pub removed: Vec<Removed>,
}

/// Longest line (in words) that a subhead or boilerplate rule may drop.
const MAX_BOILERPLATE_WORDS: usize = 30;
/// Longest line without a final stop that counts as a subhead.
const MAX_SUBHEAD_WORDS: usize = 14;

/// Boilerplate line shapes, each with the reason it is removed. Earlier
/// rules win when several match.
const RULES: &[(RemovalReason, &[&str])] = &[
    (
        RemovalReason::Related,
        &[
            r"^(related|related articles?|related stories|related news|read more|read also|also read|see also|more from|more on this|recommended|watch|listen|trending( news)?|more|latest|don't miss|must read)\s*[:|>»–—-]",
            r"^(related|read more|see also|also read|recommended for you)$",
        ],
    ),
    (
        RemovalReason::Social,
        &[
            r"^(follow|like|join|find|connect with) (us|me)\b",
            r"\b(click|tap) here\b",
            r"^(share|tweet|email|print|comments?|pin|whatsapp)(\s*(this|on|via)\b.*)?$",
            r"\bshare (this|the) (article|story|post|page)\b",
            r"^@\w+",
            r"(^|\s)@\w+\s*$",
            r"\b(available|follow|join|find|download|get)\b.*\b(telegram|whatsapp|facebook|twitter|instagram|youtube|tiktok|google news|app store|google play)\b",
            r"\b(facebook|twitter|instagram|youtube|telegram|whatsapp|linkedin|tiktok)\s*[,|/·•]\s*(facebook|twitter|instagram|youtube|telegram|whatsapp|linkedin|tiktok|google news)\b",
        ],
    ),
    (
        RemovalReason::Subscribe,
        &[
            r"\b(subscribe|unsubscribe|newsletters?)\b",
            r"\bsign (up|in) (for|to|here)\b",
            r"\b(delivered|straight) to your inbox\b",
        ],
    ),
    (
        RemovalReason::Credit,
        &[
            r"^\(?(file )?(photo|image|picture|video|photograph|illustration)s?( credit)?\s*[:|/]",
            r"^\(?credit\s*:",
            r"\b(getty images|ap photo|afp photo|afp via getty|reuters/|shutterstock|istock|epa-efe|photo credit)\b",
        ],
    ),
    (
        RemovalReason::Advertisement,
        &[
            r"^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?)$",
            r"\b(we use cookies|cookie policy|privacy policy|terms of (use|service)|all rights reserved)\b",
            r"^(copyright|©)",
        ],
    ),
    (
        RemovalReason::Byline,
        &[
            r"^by [\p{Lu}][\w.'’-]*( (and )?[\p{Lu}][\w.'’-]*){0,4}( ?[,|–—-] ?[\p{Lu}@][^.!?]*)?$",
            r"^\(?(additional )?(reporting|writing|editing|written|compiled|edited) by\b",
            r"^(posted|published|updated|last updated)( on| at)?\s*:?\s*[^.!?]*\d[^.!?]*$",
            r"\b(staff|senior|special) (writer|reporter|correspondent)$",
        ],
    ),
];

/// Notices that a scraper or a wire feed wraps around articles. They are
/// removed at any length: a long crawl notice is still no part of the news,
/// and left in, every page that carries it reads alike to the clustering.
const PAGE_NOTICES: &[&str] = &[
    r"\bcrawl(s| data)?\b.*\b(internet archive|wayback machine|archive pages)\b",
    r"\b(internet archive|wayback machine)\b.*\bcrawl",
    // Web archives' descriptions of their crawl collections.
    r"\bcrawl\b.*\b(seedlist|crawler configuration|outlinks|warc files)\b",
    r"\b(seed|seed ?list) for this crawl\b",
    r"\bcollection contains\b.*\bcrawls\b",
    // How a wide crawl picked its seed pages: link-graph rankings of URLs.
    r"^the seed for [\w-]+ was\b",
    r"\binter[- ]domain (navigational )?link",
    r"\b(slash|top ranked) pages\b.*\b(every|linked-to) domain\b",
    r"\branked urls per domain\b",
    r"^(crawl (start|end) date|number of (captures|unique urls|hosts))\s*:",
    r"\b(this|these) (data|files) (is|are) (currently )?not (currently )?publicly accessible\b",
    r"^(tweet with a location|you can add location information to your tweets)\b",
    r"\b(please )?(turn on|enable) javascript\b",
    r"\bmedia playback is unsupported on your device\b",
    r"\bplease verify you're not a robot\b",
    r"^for use by clients of the\b.*\bnews service\b",
    r"\bnonsubscribers\b.*\bmust be purchased\b",
];

/// A built-in pattern as the sets compile it: case-insensitive, with ASCII
/// word boundaries, which keep a set on the fast DFA engines (every
/// keyword the patterns bound is ASCII).
fn set_pattern(pattern: &str) -> String {
    format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)"))
}

/// Page notices alone, for lines too long for the other rules.
static PAGE_NOTICE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(PAGE_NOTICES.iter().map(|p| set_pattern(p)))
        .expect("built-in page notice patterns are valid")
});

/// Page notices and all rules in one set, so that a line is scanned once.
static BOILERPLATE: LazyLock<(RegexSet, Vec<RemovalReason>)> = LazyLock::new(|| {
    // Page notices first: they win over every other rule.
    let mut patterns: Vec<String> = PAGE_NOTICES.iter().map(|p| set_pattern(p)).collect();
    let mut reasons = vec![RemovalReason::PageNotice; patterns.len()];
    for (reason, rule_patterns) in RULES {
        for pattern in *rule_patterns {
            patterns.push(set_pattern(pattern));
            reasons.push(*reason);
        }
    }
    let set = RegexSet::new(patterns).expect("built-in boilerplate patterns are valid");
    (set, reasons)
});

/// Typesetting codes of news-service wire copy (`&QL;` quad left, `&HT;`
/// tab, `&UR;` …). They are not HTML entities, so no decoder removes them.
static TYPESETTING_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&[A-Z]{2};").expect("valid pattern"));

fn strip_typesetting_codes(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('&') {
        TYPESETTING_CODE.replace_all(text, " ")
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A line's end as a sentence's: a stop, then any closing marks, spaced
/// as tokenized text prints them ("She was very sweet. \"").
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?…](?:\s*["'”’)\]])*$"#).expect("valid pattern"));

/// Cleans one article.
pub fn clean(article: &Article) -> Cleaned {
    let mut title = article
        .title
        .as_deref()
        .map(|t| squeeze_whitespace(&strip_typesetting_codes(t)))
        .filter(|t| !t.is_empty());
    let mut text = article.text.as_str();
    if title.is_none() {
        // A cluster or JSONL document with no title may still open with one.
        let (first_line, body) = split_headline(text);
        if let Some(first_line) = first_line {
            title = Some(first_line.to_string());
            text = body;
        }
    }
    let mut cleaned = Cleaned::default();
    // A page whose first line is "Follow us on Twitter" has no headline.
    if let Some(line) = &title
        && let Some(reason) = boilerplate_shape(line, count_words(line))
    {
        cleaned.removed.push(Removed {
            text: line.clone(),
            reason,
        });
        title = None;
    }
    let title_key = title.as_deref().map(line_key);
    cleaned.title = title;
    let mut seen = rustc_hash::FxHashSet::default();
    for line in lines(text) {
        let Some(key) = line_key(&line) else {
            continue;
        };
        let reason = if title_key == Some(Some(key)) {
            Some(RemovalReason::RepeatedHeadline)
        } else if !seen.insert(key) {
            Some(RemovalReason::RepeatedLine)
        } else {
            boilerplate(&line)
        };
        match reason {
            Some(reason) => cleaned.removed.push(Removed { text: line, reason }),
            None => match split_dateline(&line) {
                Some((dateline, body)) => {
                    cleaned.removed.push(Removed {
                        text: dateline.to_string(),
                        reason: RemovalReason::Dateline,
                    });
                    cleaned.paragraphs.push(body.to_string());
                }
                None => cleaned.paragraphs.push(line),
            },
        }
    }
    cleaned
}

/// A photo credit closing a paragraph, in brackets: the photographer and
/// the outlet ("(Seth Wenig/AP)", "(Photo: Jane Doe/The Republic)", "(Photo
/// by Jane Doe/Getty Images)"). Names start with a capital; the brackets
/// hold no figures ("(1/2)") and no lower-case word before the slash
/// ("(and/or)").
static CLOSING_PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:Photo:? |Photo by )?\p{Lu}[\p{L}.'’ -]{1,40}/\p{Lu}[\p{L}.'’ -]{1,50}\)$")
        .expect("valid pattern")
});

/// Whether a paragraph is a picture's caption: it ends with the picture's
/// credit. Captions restate the article around a picture the reader
/// does not see ("Conway speaks at an event in Wayne, N.J., on Oct. 22").
fn is_caption(paragraph: &str) -> bool {
    let paragraph = paragraph.trim_end();
    paragraph.ends_with(')') && CLOSING_PHOTO_CREDIT.is_match(paragraph)
}

/// A wire dateline heading a paragraph: the place in capitals, with its
/// state or country ("MENASHA, Wis.", "DAR ES SALAAM, Tanzania") and a
/// date ("GENEVA, January 12") when given, and the agency in brackets
/// ("(AP)", "(CBS SF)"), then a dash (LDC newswire writes "_"). Either the
/// place or the agency must be there ("(CNN) --"). Hand-written: no kept
/// crate reads datelines, and their shape is the wires' house style.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place_word = r"\p{Lu}[\p{Lu}.'’&-]+";
    let region_word = r"\p{Lu}[\p{L}.]*";
    let month = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    Regex::new(&format!(
        r"^(?:(?P<place>{place_word}(?: {place_word}){{0,5}})(?:, {region_word}(?: {region_word}){{0,2}}){{0,2}}(?:,? {month} \d{{1,2}})? ?)?(?P<agency>\([^()]{{1,30}}\) ?)?(?:—|–|--|-|_) +"
    ))
    .expect("valid pattern")
});

/// CNN's dateline: the place as written in text and "(CNN)", with no dash
/// ("Tokyo (CNN) Seven US sailors are missing …").
static CNN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:, \p{Lu}[\p{L}.]*){0,2} )?\(CNN\) ?(?:—|–|--|-)? *")
        .expect("valid pattern")
});

/// Splits a paragraph's dateline from its text, if it opens with one. An
/// archive picture's caption ("FILE - In this 2016 photo …") keeps its
/// label: the summary tells it from news by it.
fn split_dateline(paragraph: &str) -> Option<(&str, &str)> {
    let end = match CNN_DATELINE.find(paragraph) {
        Some(found) => found.end(),
        None => {
            let found = DATELINE.captures(paragraph)?;
            let place = found.name("place").map(|m| m.as_str());
            if (place.is_none() && found.name("agency").is_none()) || place == Some("FILE") {
                return None;
            }
            found.get(0)?.end()
        }
    };
    let body = &paragraph[end..];
    (!body.is_empty()).then(|| (paragraph[..end].trim_end(), body))
}

/// The reason a body line is boilerplate, if it is.
pub fn boilerplate(line: &str) -> Option<RemovalReason> {
    let words = count_words(line);
    boilerplate_shape(line, words)
        .or_else(|| is_caption(line).then_some(RemovalReason::Caption))
        .or_else(|| is_subhead(line, words).then_some(RemovalReason::Subhead))
}

/// The boilerplate rules other than the subhead rule (which every headline
/// would meet).
fn boilerplate_shape(line: &str, words: usize) -> Option<RemovalReason> {
    // A long line can only be a page notice; a short one is scanned once
    // for every rule.
    if words > MAX_BOILERPLATE_WORDS {
        return PAGE_NOTICE
            .is_match(line)
            .then_some(RemovalReason::PageNotice);
    }
    let (set, reasons) = &*BOILERPLATE;
    // Most lines match nothing: a plain match test is much cheaper than
    // asking which of the patterns matched.
    if set.is_match(line) {
        return set.matches(line).iter().next().map(|first| reasons[first]);
    }
    None
}

/// A short line that does not end like a sentence, or a short title-cased
/// line ("Why Is This Important?", "Long Story Short").
fn is_subhead(line: &str, words: usize) -> bool {
    // "Persson elaborated in a blog post:" ends as a heading may, but it
    // tells who speaks in the block below it (compare reads that block as
    // a quote); summaries never choose it.
    if lexicon::introduces_quote(line) {
        return false;
    }
    if words <= MAX_SUBHEAD_WORDS && !SENTENCE_END.is_match(line) {
        return true;
    }
    words <= 8 && title_cased(line)
}

fn title_cased(line: &str) -> bool {
    let mut capital = 0;
    let mut lower = 0;
    for word in line.split_whitespace() {
        match word.chars().find(|c| c.is_alphabetic()) {
            Some(c) if c.is_uppercase() => capital += 1,
            Some(_) if word.len() > 3 => lower += 1,
            _ => {}
        }
    }
    capital >= 2 && lower == 0
}

/// Splits a body into lines, re-joining hard-wrapped lines of one paragraph.
fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut continues = false;
    for raw in text.lines() {
        let line = squeeze_whitespace(&strip_typesetting_codes(raw));
        if line.is_empty() {
            continues = false;
            continue;
        }
        let starts_lower = line.chars().next().is_some_and(|c| c.is_lowercase());
        match out.last_mut() {
            Some(last) if continues && starts_lower => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
        continues = out.last().is_some_and(|l| !SENTENCE_END.is_match(l));
    }
    out
}

/// Trims a line and folds each run of white space into one space.
fn squeeze_whitespace(raw: &str) -> String {
    let mut simple = true;
    let mut previous_space = false;
    for_each_char(raw, |c| {
        let space = c == ' ';
        if (space && previous_space) || (!space && c.is_whitespace()) {
            simple = false;
        }
        previous_space = space;
    });
    if simple {
        return raw.trim_matches(' ').to_string();
    }
    let mut line = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// A hash of the line, lower-cased, without leading and trailing
/// punctuation: the key for "the same line".  `None` for a line with no
/// letter or digit.
fn line_key(line: &str) -> Option<u64> {
    use std::hash::Hasher;
    let core = line.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return None;
    }
    let mut hasher = rustc_hash::FxHasher::default();
    if core.is_ascii() {
        for chunk in core.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            for (w, b) in word.iter_mut().zip(chunk) {
                *w = b.to_ascii_lowercase();
            }
            hasher.write_u64(u64::from_le_bytes(word));
        }
    } else {
        for c in core.chars() {
            if c.is_ascii() {
                hasher.write_u8(c.to_ascii_lowercase() as u8);
            } else {
                c.to_lowercase().for_each(|l| hasher.write_u32(l as u32));
            }
        }
    }
    Some(hasher.finish())
}

/// Calls `f` on every character, decoding only the non-ASCII ones.
fn for_each_char(text: &str, mut f: impl FnMut(char)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            f(bytes[i] as char);
            i += 1;
        } else if let Some(c) = text[i..].chars().next() {
            f(c);
            i += c.len_utf8();
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<&'static str> {
        boilerplate(line).map(RemovalReason::as_str)
    }

    /// Cleans an article with this headline and body.
    fn clean_titled(title: &str, text: &str) -> Cleaned {
        clean(&Article {
            id: "a".into(),
            title: Some(title.into()),
            text: text.into(),
            ..Article::default()
        })
    }

    #[test]
    fn recognises_boilerplate_shapes() {
        assert_eq!(
            reason("Follow us: Facebook, Twitter, Google News"),
            Some("social")
        );
        assert_eq!(
            reason("Our stories are now available on Telegram. Click here to join."),
            Some("social")
        );
        assert_eq!(reason("@YouTube"), Some("social"));
        assert_eq!(
            reason("Sign up for our daily newsletter."),
            Some("subscribe")
        );
        assert_eq!(
            reason("Related Article : Leaders agree to talks"),
            Some("related")
        );
        assert_eq!(reason("READ MORE: What the deal means"), Some("related"));
        assert_eq!(reason("By Maria Okafor, Staff Writer"), Some("byline"));
        assert_eq!(reason("Photo: A crowd in the square."), Some("credit"));
        assert_eq!(reason("ADVERTISEMENT"), Some("advertisement"));
        assert_eq!(reason("Syria, Russia Leaders Meet"), Some("subhead"));
        assert_eq!(reason("Why Is This Important?"), Some("subhead"));
        // A sentence's last line as tokenized text sets it, the closing
        // mark spaced from the stop.
        assert_eq!(reason("She was very sweet. \""), None);
    }

    #[test]
    fn wire_typesetting_codes_are_stripped() {
        let cleaned = clean_titled(
            "&HT;",
            "&UR; The council met on Monday. &QL;\n\nIt voted to close the bridge.",
        );
        assert_eq!(cleaned.title, None);
        assert_eq!(
            cleaned.paragraphs,
            [
                "The council met on Monday.",
                "It voted to close the bridge."
            ]
        );
    }

    #[test]
    fn page_notices_are_removed_at_any_length() {
        let crawl = "These crawls keep a copy of each page as it was published, so that a \
                     link still leads somewhere when the page changes or goes away; the \
                     Internet Archive hopes that references will point to these copies \
                     instead of to pages that may have vanished by the time a reader follows \
                     them years later.";
        assert!(count_words(crawl) > MAX_BOILERPLATE_WORDS);
        assert_eq!(reason(crawl), Some("page_notice"));
        assert_eq!(
            reason("Tweet with a location"),
            Some("page_notice"),
            "an embedded post's widget text"
        );
        assert_eq!(
            reason("Media playback is unsupported on your device"),
            Some("page_notice")
        );
        for description in [
            "Web wide crawl with initial seedlist and crawler configuration from March 2011, \
             run on new software for distributed crawling across many machines at once.",
            "The seed for this crawl was a list of every host in the archive's index.",
            "This collection contains collaborative election crawls performed by volunteers.",
            "Number of captures: 2,713,676,341",
            "These files are currently not publicly accessible.",
            "The seed for Wide00021 was:",
            "- Front pages of every domain the previous crawl reached, ranked by inter-domain \
             links to them.",
            "- Top ranked pages (at most 50) from every linked-to domain of the link graph",
            "-- no more than 100 of the most highly ranked URLs per domain",
        ] {
            assert_eq!(reason(description), Some("page_notice"), "{description}");
        }
        for news in [
            "The crawl space under the house flooded, the fire service said.",
            "Traffic slowed to a crawl as captures of the escaped cattle went on for hours.",
            "The pub crawl drew a seed list of 40 bars, organisers said.",
            "The seed for the tournament was decided by a coin toss.",
            "The registry ranked the top pages of every domain it hosts by traffic.",
        ] {
            assert_eq!(reason(news), None, "{news}");
        }
    }

    #[test]
    fn a_line_introducing_a_quote_is_kept_a_heading_with_a_colon_is_not() {
        for intro in [
            "Persson elaborated in a blog post :",
            "Vasiliades' lawyer released the following statement:",
            "The same reader later added in another tweet:",
        ] {
            assert_eq!(reason(intro), None, "{intro}");
        }
        for heading in [
            "More from TIME on population:",
            "ALSO CHECK OUT:",
            "Those charged were:",
        ] {
            assert_eq!(reason(heading), Some("subhead"), "{heading}");
        }
    }

    #[test]
    fn a_paragraph_signed_with_a_photo_credit_is_a_caption() {
        for caption in [
            "The mayor speaks at a rally in Dayton on Oct. 2, 2019. (Jane Roe/AP)",
            "Crews clear the road near the pass. (Photo: Sam Lee/The Valley Times)",
            "The senator leaves the chamber last week. (Photo by Ann Park/Getty Images)",
            "A runner crosses the bridge at dawn. (Tom Fry/New York Times Photo)",
        ] {
            assert!(is_caption(caption), "{caption}");
        }
        for text in [
            "The council voted 5/4 to approve the plan (see page 2/3).",
            "Shares rose 3% on the news (and/or the rumours).",
            "The firm, which owns both brands (Acme/Zenith), declined to comment.",
            "Officials said the dam held.",
        ] {
            assert!(!is_caption(text), "{text}");
        }
        let cleaned = clean_titled(
            "Rally in Dayton",
            "The rally drew thousands of people.\n\nThe mayor speaks in Dayton. (Jane Roe/AP)\n\nThe rally ended at noon, the police said.",
        );
        assert_eq!(
            cleaned.paragraphs,
            [
                "The rally drew thousands of people.",
                "The rally ended at noon, the police said."
            ]
        );
        assert_eq!(
            cleaned.removed,
            [Removed {
                text: "The mayor speaks in Dayton. (Jane Roe/AP)".into(),
                reason: RemovalReason::Caption
            }]
        );
    }

    #[test]
    fn wire_datelines_are_split_from_their_paragraph() {
        for (paragraph, dateline, body) in [
            (
                "DENVER (AP) — Troy Tulowitzki has a tough name to spell.",
                "DENVER (AP) —",
                "Troy Tulowitzki has a tough name to spell.",
            ),
            (
                "MENASHA, Wis. (AP) — The Stoffel family set out on a bike ride.",
                "MENASHA, Wis. (AP) —",
                "The Stoffel family set out on a bike ride.",
            ),
            (
                "DAR ES SALAAM, Tanzania (AP) _ Rescuers searched the rubble.",
                "DAR ES SALAAM, Tanzania (AP) _",
                "Rescuers searched the rubble.",
            ),
            (
                "GENEVA, January 12 (Xinhua) -- The WHO warned of a new strain.",
                "GENEVA, January 12 (Xinhua) --",
                "The WHO warned of a new strain.",
            ),
            (
                "(CNN) -- As the death toll rose, the envoy left.",
                "(CNN) --",
                "As the death toll rose, the envoy left.",
            ),
            (
                "Hong Kong (CNN) Police fired tear gas at the crowd.",
                "Hong Kong (CNN)",
                "Police fired tear gas at the crowd.",
            ),
            (
                "(CNN)The senator resigned on Friday.",
                "(CNN)",
                "The senator resigned on Friday.",
            ),
            (
                "WASHINGTON — Newly declassified documents show the plan.",
                "WASHINGTON —",
                "Newly declassified documents show the plan.",
            ),
        ] {
            assert_eq!(
                split_dateline(paragraph),
                Some((dateline, body)),
                "{paragraph}"
            );
        }
        for paragraph in [
            "FILE - In this May 24, 2016, file photo, Rep. Jim Jordan speaks.",
            "A CAR park in a Highland town has been confirmed as the meeting place.",
            "The vote - the first since 2010 - was close.",
            "US-China trade talks resumed on Monday.",
            "Mona Lisa Harding - a mother of ten - wrote a book.",
            "WASHINGTON —",
            "Anderson Cooper said on CNN (CNN) that the vote was close.",
        ] {
            assert_eq!(split_dateline(paragraph), None, "{paragraph}");
        }
        let cleaned = clean_titled(
            "Jerseys misspelled",
            "DENVER (AP) — Troy Tulowitzki has a tough name to spell.\n\nFans noticed.",
        );
        assert_eq!(
            cleaned.paragraphs,
            [
                "Troy Tulowitzki has a tough name to spell.",
                "Fans noticed."
            ]
        );
        assert_eq!(
            cleaned.removed,
            [Removed {
                text: "DENVER (AP) —".into(),
                reason: RemovalReason::Dateline
            }]
        );
    }

    #[test]
    fn keeps_real_sentences() {
        for line in [
            "The president wrote on Twitter that the talks had gone well.",
            "He said the meeting was productive.",
            "By Monday, the floods had receded.",
            "\"We will rebuild,\" she said.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn repeated_headline_and_lines_are_removed_once() {
        let cleaned = clean_titled(
            "Leaders Meet",
            "Leaders Meet\nLEADERS MEET\n\nThe talks began.\n\nThe talks began.\n",
        );
        assert_eq!(cleaned.paragraphs, ["The talks began."]);
        let reasons: Vec<_> = cleaned.removed.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(
            reasons,
            ["repeated_headline", "repeated_headline", "repeated_line"]
        );
    }

    #[test]
    fn boilerplate_is_never_a_headline() {
        let cleaned = clean_titled(
            "Follow us on Twitter",
            "The talks began on Monday in the capital.",
        );
        assert_eq!(cleaned.title, None);
        assert_eq!(cleaned.removed[0].reason, RemovalReason::Social);
        assert_eq!(cleaned.paragraphs.len(), 1);
    }

    #[test]
    fn untitled_document_takes_its_first_line() {
        let article = Article {
            id: "d0".into(),
            text: "Index Released Today\n\nThe index ranks countries.".into(),
            ..Article::default()
        };
        let cleaned = clean(&article);
        assert_eq!(cleaned.title.as_deref(), Some("Index Released Today"));
        assert_eq!(cleaned.paragraphs, ["The index ranks countries."]);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let body = "The talks began in the\ncapital on Monday.\nThey ended late.";
        assert_eq!(
            lines(body),
            [
                "The talks began in the capital on Monday.",
                "They ended late."
            ]
        );
    }
}
