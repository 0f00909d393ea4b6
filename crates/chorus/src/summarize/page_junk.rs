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

/// Whether `sentence` carries page junk (see the module's notes).
pub fn is_page_junk(sentence: &str) -> bool {
    JUNK.is_match(sentence)
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
        ] {
            assert!(!is_page_junk(news), "{news}");
        }
    }
}
