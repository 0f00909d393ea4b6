//! Words as the scorer and ROUGE see them: lower-cased ASCII letters and
//! digits, Porter-stemmed (NLTK's variant, as Google's rouge-score uses; see
//! [`porter_stem`]), interned to integer ids so that later stages compare integers.

mod porter;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

pub use crate::scan::lexicon::FUNCTION_WORDS;
pub use porter::stem as porter_stem;

/// An interned term (a stem).
pub type TermId = u32;

/// Interns stems and remembers which are stopwords.
///
/// One vocabulary can serve a whole run: stemming is cached per surface
/// form, which is where most of tokenization's time would otherwise go.
pub struct Vocab {
    /// Keys up to 24 bytes are held inline: a lookup compares the key in
    /// the table itself, where a `String` key sent every hit to its heap
    /// copy (a cache miss apiece once the vocabulary is large).
    by_surface: FxHashMap<CompactString, TermId>,
    by_stem: FxHashMap<String, TermId>,
    stems: Vec<String>,
    stop: Vec<bool>,
    /// What each stem is, in [`NUMERIC`]/[`NUMBER_WORD`]/[`COUNTED`] bits,
    /// found once when the stem is interned: the index asks it of every
    /// word pair of every sentence.
    kind: Vec<u8>,
    scratch: String,
}

/// A token with a digit in it.
const NUMERIC: u8 = 1;
/// A number written as a word ("seven").
const NUMBER_WORD: u8 = 2;
/// A stem naming what news counts with a figure.
const COUNTED: u8 = 4;

impl Default for Vocab {
    fn default() -> Self {
        Self::new()
    }
}

impl Vocab {
    /// An empty vocabulary.
    pub fn new() -> Self {
        let mut vocab = Vocab {
            by_surface: FxHashMap::default(),
            by_stem: FxHashMap::default(),
            stems: Vec::new(),
            stop: Vec::new(),
            kind: Vec::new(),
            scratch: String::new(),
        };
        for word in FUNCTION_WORDS {
            let id = vocab.intern_surface(word);
            vocab.stop[id as usize] = true;
        }
        vocab
    }

    /// Number of distinct terms seen so far.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Whether no term has been seen.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// Whether `id` is a function word.
    pub fn is_stopword(&self, id: TermId) -> bool {
        self.stop[id as usize]
    }

    /// Whether `id` is a figure (a token with a digit in it).
    pub fn is_numeric(&self, id: TermId) -> bool {
        self.kind[id as usize] & NUMERIC != 0
    }

    /// Whether `id` is a figure or a number written as a word.
    pub fn is_figure(&self, id: TermId) -> bool {
        self.kind[id as usize] & (NUMERIC | NUMBER_WORD) != 0
    }

    /// Whether `id` names what news counts with a figure: time, measures,
    /// people and the dead ("three hours", "500,000 people").
    pub fn is_counted(&self, id: TermId) -> bool {
        self.kind[id as usize] & COUNTED != 0
    }

    /// The stem a term id stands for.
    pub fn stem(&self, id: TermId) -> &str {
        &self.stems[id as usize]
    }

    /// Appends the term ids of `text` to `out`, tokenized as rouge-score does.
    pub fn terms_into(&mut self, text: &str, out: &mut Vec<TermId>) {
        let mut token = std::mem::take(&mut self.scratch);
        token.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                let start = i;
                let mut upper = false;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    upper |= bytes[i].is_ascii_uppercase();
                    i += 1;
                }
                let run = &text[start..i];
                // The common case, a whole lower-case token, needs no copy; a
                // following non-ASCII letter might still extend it.
                let whole = token.is_empty() && bytes.get(i).is_none_or(|b| b.is_ascii());
                if whole && !upper {
                    let id = self.lookup(run);
                    out.push(id);
                } else {
                    let from = token.len();
                    token.push_str(run);
                    token[from..].make_ascii_lowercase();
                }
            } else if b.is_ascii() {
                self.flush(&mut token, out);
                i += 1;
            } else {
                let Some(ch) = text[i..].chars().next() else {
                    break;
                };
                i += ch.len_utf8();
                // Python's str.lower() can turn a few non-ASCII letters into
                // ASCII ones (the Kelvin sign, dotted capital I).
                for lower in ch.to_lowercase() {
                    if lower.is_ascii_alphanumeric() {
                        token.push(lower);
                    } else {
                        self.flush(&mut token, out);
                    }
                }
            }
        }
        self.flush(&mut token, out);
        self.scratch = token;
    }

    fn lookup(&mut self, surface: &str) -> TermId {
        match self.by_surface.get(surface) {
            Some(&id) => id,
            None => self.intern_surface(surface),
        }
    }

    /// The term ids of `text`.
    pub fn terms(&mut self, text: &str) -> Vec<TermId> {
        let mut out = Vec::new();
        self.terms_into(text, &mut out);
        out
    }

    fn flush(&mut self, token: &mut String, out: &mut Vec<TermId>) {
        if token.is_empty() {
            return;
        }
        let id = self.lookup(token);
        out.push(id);
        token.clear();
    }

    fn intern_surface(&mut self, surface: &str) -> TermId {
        if let Some(&id) = self.by_surface.get(surface) {
            return id;
        }
        // rouge-score stems only tokens longer than three characters.
        let stem = if surface.len() > 3 {
            porter::stem(surface)
        } else {
            surface.to_string()
        };
        let next = self.stems.len() as TermId;
        let id = *self.by_stem.entry(stem.clone()).or_insert(next);
        if id == next {
            self.kind.push(kind_of(&stem));
            self.stems.push(stem);
            self.stop.push(false);
        }
        self.by_surface.insert(CompactString::from(surface), id);
        id
    }
}

fn kind_of(stem: &str) -> u8 {
    let mut kind = 0;
    if stem.bytes().any(|b| b.is_ascii_digit()) {
        kind |= NUMERIC;
    }
    if crate::model::words::is_number_word(stem) {
        kind |= NUMBER_WORD;
    }
    if crate::model::words::time_unit(stem).is_some()
        || crate::scan::lexicon::measure_unit(stem).is_some()
        || COUNTED_STEMS.contains(&stem)
    {
        kind |= COUNTED;
    }
    kind
}

/// Porter stems of the things a figure most often counts in news.
const COUNTED_STEMS: &[&str] = &[
    "peopl", "person", "percent", "dollar", "death", "dead", "victim", "casualti", "troop",
    "soldier", "civilian", "resid", "home", "hous", "famili", "children",
];

/// Dot product of two sparse vectors whose entries are sorted by term
/// (a merge, no hashing). On unit vectors it is their cosine similarity.
pub fn sparse_dot(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_rouge_score() {
        let mut vocab = Vocab::new();
        let ids = vocab.terms("The U.S. economy's 3.5% growth—running!");
        let stems: Vec<&str> = ids.iter().map(|&id| vocab.stem(id)).collect();
        assert_eq!(
            stems,
            ["the", "u", "s", "economi", "s", "3", "5", "growth", "run"]
        );
    }

    #[test]
    fn surface_forms_share_a_stem_id() {
        let mut vocab = Vocab::new();
        let a = vocab.terms("meetings");
        let b = vocab.terms("Meeting");
        assert_eq!(a, b);
        assert!(!vocab.is_stopword(a[0]));
        let the = vocab.terms("THE");
        assert!(vocab.is_stopword(the[0]));
        let figures = vocab.terms("500,000 people");
        assert!(vocab.is_numeric(figures[0]) && !vocab.is_numeric(figures[2]));
        assert!(vocab.is_counted(figures[2]) && !vocab.is_counted(figures[0]));
        let words = vocab.terms("seven hours");
        assert!(vocab.is_figure(words[0]) && !vocab.is_numeric(words[0]));
        assert!(vocab.is_counted(words[1]) && !vocab.is_figure(words[1]));
    }

    #[test]
    fn non_ascii_letters_that_lower_to_ascii_join_the_token() {
        let mut vocab = Vocab::new();
        // U+212A KELVIN SIGN lower-cases to "k", as in Python.
        let joined = vocab.terms("300\u{212A} mar\u{212A}ets");
        let plain = vocab.terms("300k markets");
        assert_eq!(joined, plain);
        assert_eq!(vocab.terms("café"), vocab.terms("caf"));
    }

    #[test]
    fn sparse_dot_merges_sorted_terms() {
        assert_eq!(
            sparse_dot(&[(1, 0.5), (3, 2.0)], &[(2, 9.0), (3, 0.5), (4, 1.0)]),
            1.0
        );
        assert_eq!(sparse_dot(&[], &[(1, 1.0)]), 0.0);
    }

    #[test]
    fn short_tokens_are_not_stemmed() {
        let mut vocab = Vocab::new();
        let ids = vocab.terms("was ones");
        assert_eq!(vocab.stem(ids[0]), "was");
        assert_eq!(vocab.stem(ids[1]), "one");
    }
}
