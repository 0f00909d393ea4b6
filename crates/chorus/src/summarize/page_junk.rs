//! Page junk inside sentences: what a web page wraps around or embeds in
//! its article and what segmenting leaves glued to a sentence of the news
//! (an embedded post's signature, a photo caption and its credit, a
//! gallery's counter, a sign-up form). The clean stage drops such lines
//! when they stand alone; pages that run them into the text leave them
//! inside sentences, which then must not be chosen for a brief: the reader
//! would get "pic.twitter.com/…" or "Hide Caption 21 of 43 Photos" as news.
//!
//! The sentence stays in its document (it is not dropped, only never
//! chosen), so attribution and the compare stage still read it.

use std::sync::LazyLock;

use regex::RegexSet;

/// Shapes of page junk, matched case-insensitively anywhere in a sentence.
const PATTERNS: &[&str] = &[
    // An embedded post: its link, its short link, its signature
    // ("— Pew Research Center (@pewresearch) May 24, 2016").
    r"pic\.twitter\.com/",
    r"https?://t\.co/",
    r"\(@\w+\) (january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}, \d{4}",
    r"\ba post shared by\b",
    // Photo captions, credits and gallery counters.
    r"\bimage (copyright|caption)\b",
    r"\bhide caption\b",
    r"\b\d+ of \d+ photos\b",
    r"\((photo|image|picture)s?( by\b|\s*:)",
    r"\b(getty images|ap photo|afp photo|afp via getty|shutterstock)\b",
    // The wire's caption of an archive picture ("FILE - In this May 24,
    // 2016, file photo, Rep. …") and a newspaper's print-sale link.
    r"^file\s*[-–—]+\s",
    r"\bfile (photo|image|picture)\b",
    r"^buy photo\b",
    r"\b(photo )?credit: (?-i:[A-Z])",
    // A teaser cut short where a link preview ended ("…the Pittsburgh
    // Pirates in a baseball..."): a spaced ellipsis inside a sentence is a
    // writer's cut in a quote, one ending the sentence after a word or a
    // comma is the page's.
    r"[\w,] ?(\.\.\.|…)$",
    // Forms and calls to action.
    r"\bby signing up\b",
    r"\b(join|subscribe to) our (mailing list|newsletter)\b",
    r"\byour contact details\b",
    r"\b(click|tap) here\b",
    r"\bfollow us (on|at)\b",
    r"^(advertisement|read more)\b",
    r"\blicensing requests?\b",
];

static JUNK: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(
        PATTERNS
            .iter()
            .map(|p| format!("(?i){}", p.replace(r"\b", r"(?-u:\b)"))),
    )
    .expect("built-in page junk patterns are valid")
});

/// Whether `sentence` carries page junk (see the module's notes) or is a
/// table run into the text.
pub fn is_page_junk(sentence: &str) -> bool {
    JUNK.is_match(sentence) || is_table_text(sentence)
}

/// Whether `sentence` is rows of a table run into the text ("Household
/// Size 100% 133% 150% 1 $12,060 $16,040 …"): eight figures or more, and
/// figures more than two in five of its words. A sentence of news gives a
/// few figures among its words, however many ("won 6-3, 6-4, 7-5").
fn is_table_text(sentence: &str) -> bool {
    let (mut words, mut figures) = (0usize, 0usize);
    for word in sentence.split_whitespace() {
        words += 1;
        if word.bytes().any(|b| b.is_ascii_digit()) {
            figures += 1;
        }
    }
    figures >= 8 && figures * 5 > words * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_posts_captions_and_forms_are_junk() {
        for junk in [
            "Let's flip Congress in '18 pic.twitter.com/41uj6l3yt7 — George Takei (@GeorgeTakei) April 1, 2017",
            "More common for sons than daughters https://t.co/7SxlYSwEBi",
            "Wow another one gone too soon — RIP PRODIGY (@Chromeo) June 20, 2017",
            "A post shared by Steven J. Rifkind (@steverifkind) on Jun 20, 2017 at 4:11pm PDT",
            "Image copyright AFP Image caption Police are questioning the suspect.",
            "Hide Caption 21 of 43 Photos: The search for MH370 Grieving relatives wait.",
            "Size 100% 150% 200% 1 $12,100 $18,150 $24,200 2 16,300 24,450 32,600",
            "[Via MerlinFTP Drop] (Photo: Yum! Brands) Once the lining melts, the biscuit softens.",
            "Strasbourg, France. | Mark Wilson/Getty Images White House Trump uses the attack.",
            "Email Sign Up By signing up you agree to receive email newsletters.",
            "Click here to join our channel.",
            "Advertisement The mayor spoke on Monday.",
            "FILE - In this May 24, 2016, file photo, Rep. Jim Jordan speaks in Washington.",
            "Buy Photo Genesee County health official Jim Henry was among those called.",
            "The network may be critical, the scientists say. Credit: Matthew Kanan, Stanford University",
            "Fans wear shirts given away as the Rockies hosted the Pittsburgh Pirates in a baseball...",
            "Police arrested several people and are widening…",
            "Tackling issues including terrorism, disease and climate change, alongside governments,...",
            "Just fill in your contact details in the form below to join our mailing list.",
        ] {
            assert!(is_page_junk(junk), "{junk}");
        }
    }

    #[test]
    fn news_about_social_media_is_not_junk() {
        for news in [
            "Allen announced on Twitter that the battleship Musashi had been found.",
            "Facebook is buying Oculus VR, a startup that makes virtual reality headsets.",
            "The photo, taken in 1944, shows the ship's bow.",
            "He read more than 300 letters from voters.",
            "The video has been shared nearly 86,000 times since it was posted to Facebook on Nov. 9.",
            "\"She was a very, very progressive ... socialist who organized working people,\" he said.",
            "\"I just don't know...\" she said.",
            "The court filed its ruling on Monday; the photo was taken in 1944.",
            "Federer won 6-3, 6-4, 7-5 and meets Nadal, who beat Murray 7-6, 6-2, in the final.",
            "Turnout rose from 52% in 2012 to 61% in 2016 and 67% in 2020, with 158 million votes cast in 2020 against 137 million in 2016.",
        ] {
            assert!(!is_page_junk(news), "{news}");
        }
    }
}
