//! Social posts a page embeds: once the page is text, a tweet reads
//! "… — Lil Wayne (@LilTunechi) June 20, 2017" and an Instagram post
//! "… A post shared by Nasir Jones (@nas) on Jun 20, 2017 at 10:33am PDT",
//! with no quotation marks. The words before the signature, back to the
//! start of their paragraph, are the poster's, and two reports that embed
//! one post both carry it.
//!
//! Written here: the signatures are the two networks' embed markup as it
//! survives conversion to text, which no crate reads.

use crate::scan::lexicon;
use crate::scan::tokens::{Sentence, Token, TokenKind};

/// A post found: its words from `first` to `last` (index into the
/// story's sentences, token index), and who posted it as the signature
/// names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// The document embedding it.
    pub document: usize,
    /// First word: (sentence index, token index).
    pub first: (usize, usize),
    /// Last word before the signature: (sentence index, token index).
    pub last: (usize, usize),
    /// The poster's name as the signature gives it.
    pub poster: String,
}

/// A tweet's length, at most: the most text above a signature read as
/// the post's.
const MAX_POST_CHARS: usize = 280;

/// Words of a report's own text that introduce a post ("Check out the
/// posts below", "she tweeted").
const INTRODUCING: &[&str] = &[
    "tweet",
    "tweets",
    "tweeted",
    "post",
    "posts",
    "posted",
    "wrote",
    "below",
    "instagram",
    "twitter",
    "facebook",
];

/// Words a poster's name may have in a signature, at most.
const MAX_NAME_TOKENS: usize = 6;

/// Every embedded post in `sentences` (the story's, in document order).
pub fn posts(sentences: &[Sentence]) -> Vec<Post> {
    let mut found = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let Some((end, poster)) = signature(&sentence.tokens) else {
            continue;
        };
        // The post starts with its paragraph, or earlier: a post's own
        // line breaks become paragraphs ("No, I'm not running for
        // Congress. Happy 4/1!" above "But Jon Ossoff is on 4/18 … —
        // George Takei (@GeorgeTakei) April 1, 2017"). Paragraphs above
        // are taken while the post stays within a tweet's length and none
        // introduces it or closes another post.
        let paragraph_start = |end: usize| {
            let mut start = end;
            while start > 0
                && sentences[start - 1].document == sentence.document
                && sentences[start - 1].paragraph == sentences[end].paragraph
            {
                start -= 1;
            }
            start
        };
        let mut start = paragraph_start(s);
        let mut length: usize = sentences[start..=s].iter().map(|x| x.text.len()).sum();
        while start > 0 && sentences[start - 1].document == sentence.document {
            let above = paragraph_start(start - 1);
            let added: usize = sentences[above..start].iter().map(|x| x.text.len()).sum();
            let introduces = sentences[above..start].iter().any(|x| {
                x.text.trim_end().ends_with(':')
                    || signature(&x.tokens).is_some()
                    || x.tokens.iter().any(|t| INTRODUCING.contains(&t.lower()))
            });
            if introduces || length + added > MAX_POST_CHARS {
                break;
            }
            length += added;
            start = above;
        }
        let word = |t: &Token| matches!(t.kind, TokenKind::Word | TokenKind::Number);
        // The post's tokens in each of its sentences: the last one's up to
        // the signature.
        let before_signature = |i: usize| {
            let tokens = &sentences[i].tokens;
            &tokens[..if i == s { end } else { tokens.len() }]
        };
        let first =
            (start..=s).find_map(|i| before_signature(i).iter().position(word).map(|k| (i, k)));
        let last = (start..=s)
            .rev()
            .find_map(|i| before_signature(i).iter().rposition(word).map(|k| (i, k)));
        if let (Some(first), Some(last)) = (first, last) {
            found.push(Post {
                document: sentence.document,
                first,
                last,
                poster,
            });
        }
    }
    found
}

/// Where a sentence's post signature starts (its first token) and the
/// name it gives, when the sentence ends with one.
fn signature(tokens: &[Token]) -> Option<(usize, String)> {
    // "(@handle)": the one mark both networks print.
    let (open, close) = (0..tokens.len()).find_map(|k| {
        let opens = tokens[k].text == "(" && tokens.get(k + 1).is_some_and(|t| t.text == "@");
        if !opens {
            return None;
        }
        let close = (k + 3..tokens.len().min(k + 6)).find(|&c| tokens[c].text == ")");
        close.map(|c| (k, c))
    })?;
    let after = &tokens[close + 1..];
    let dated = |from: usize| {
        after
            .get(from)
            .is_some_and(|t| lexicon::month(t.lower()).is_some())
    };
    // Instagram: "A post shared by NAME (@handle) on DATE".
    let shared = (open.saturating_sub(MAX_NAME_TOKENS + 4)..open).find(|&k| {
        tokens[k].is("a")
            && tokens.get(k + 1).is_some_and(|t| t.is("post"))
            && tokens.get(k + 2).is_some_and(|t| t.is("shared"))
            && tokens.get(k + 3).is_some_and(|t| t.is("by"))
    });
    if let Some(k) = shared {
        let on = after.first().is_some_and(|t| t.is("on"));
        return (on && dated(1)).then(|| (k, name(&tokens[k + 4..open])));
    }
    // Twitter: "— NAME (@handle) DATE".
    let dash = (open.saturating_sub(MAX_NAME_TOKENS + 1)..open)
        .rev()
        .find(|&k| matches!(tokens[k].text, "—" | "–" | "-"))?;
    (dated(0) && dash + 1 < open).then(|| (dash, name(&tokens[dash + 1..open])))
}

fn name(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::tokens::sentences_static;

    #[test]
    fn a_tweet_and_an_instagram_post_embedded_as_text() {
        let sentences = sentences_static(&[
            (0, "Fans mourned the singer on Twitter on Tuesday."),
            (
                0,
                "Rest easy, legend. — Mara Quinn (@maraquinn) June 20, 2017",
            ),
            (
                1,
                "Gone too soon A post shared by Theo Brandt (@theob) on Jun 20, 2017 at 10:33am PDT",
            ),
            // A handle in running text is no signature.
            (1, "She wrote to him (@theob) on the day he died."),
        ]);
        let found = posts(&sentences);
        assert_eq!(found.len(), 2, "{found:?}");
        // A post whose line breaks became paragraphs, under the report's
        // line introducing it.
        let sentences = sentences_static(&[
            (0, "Quinn wrote on Twitter:"),
            (0, "No, I am not leaving. Happy April 1!"),
            (
                0,
                "But the show goes on. — Mara Quinn (@maraquinn) April 1, 2017",
            ),
        ]);
        let split = posts(&sentences);
        assert_eq!(split.len(), 1, "{split:?}");
        assert_eq!((split[0].first, split[0].last), ((1, 0), (2, 4)));
        assert_eq!(found[0].poster, "Mara Quinn");
        assert_eq!((found[0].first, found[0].last), ((1, 0), (1, 3)));
        assert_eq!(found[1].poster, "Theo Brandt");
        assert_eq!((found[1].first, found[1].last), ((2, 0), (2, 2)));
    }
}
