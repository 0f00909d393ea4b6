//! The Porter stemmer exactly as NLTK's `PorterStemmer()` (its default
//! NLTK_EXTENSIONS mode) stems, which is what Google's rouge-score uses.
//!
//! Written here rather than taken from a crate for speed: the `nltk-porter`
//! crate gives the same stems (it is the reference the tests compare
//! against) but allocates at every rule and costs microseconds a word,
//! which made first-time stemming most of a fresh run. This version works
//! in place on the ASCII bytes rouge-score's tokenizer leaves.

/// Stems one lower-case ASCII token (`[a-z0-9]+`) into `out`.
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    if let Some(irregular) = irregular(word) {
        out.push_str(irregular);
        return;
    }
    if word.len() <= 2
        || !word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        out.push_str(word);
        return;
    }
    let mut w = word.as_bytes().to_vec();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    // Only ASCII letters and digits ever enter or are written.
    out.extend(w.iter().map(|&b| b as char));
}

/// Stems one token.
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "sky" | "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "news" => "news",
        "innings" | "inning" => "inning",
        "outings" | "outing" => "outing",
        "cannings" | "canning" => "canning",
        "howe" => "howe",
        "proceed" => "proceed",
        "exceed" => "exceed",
        "succeed" => "succeed",
        _ => return None,
    })
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A `y` is a consonant at the start of a word and after a vowel.
fn is_consonant(w: &[u8], i: usize) -> bool {
    match w[i] {
        b if is_vowel(b) => false,
        b'y' => {
            let mut start = i;
            while start > 0 && w[start - 1] == b'y' {
                start -= 1;
            }
            let mut consonant = start == 0 || is_vowel(w[start - 1]);
            for _ in start..i {
                consonant = !consonant;
            }
            consonant
        }
        _ => true,
    }
}

/// Porter's m: the number of vowel-consonant sequences.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut previous: Option<bool> = None;
    for &b in w {
        let consonant = match b {
            b if is_vowel(b) => false,
            b'y' => previous.is_none_or(|p| !p),
            _ => true,
        };
        if consonant && previous == Some(false) {
            m += 1;
        }
        previous = Some(consonant);
    }
    m
}

fn contains_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !is_consonant(w, i))
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Porter's *o: consonant-vowel-consonant, the last not w, x or y (NLTK also
/// accepts a two-letter vowel-consonant word).
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

fn replace(w: &mut Vec<u8>, suffix_len: usize, replacement: &str) {
    w.truncate(w.len() - suffix_len);
    w.extend_from_slice(replacement.as_bytes());
}

/// The condition a rule's stem (the word without the suffix) must meet.
#[derive(Clone, Copy)]
enum Condition {
    Always,
    MeasurePositive,
    MeasureAboveOne,
    /// Step 4's -ion: m > 1 and the stem ends in s or t.
    MeasureAboveOneAndST,
    /// NLTK's -logi rule measures the word without its last three letters.
    LogiMeasure,
}

impl Condition {
    fn holds(self, word: &[u8], stem: &[u8]) -> bool {
        match self {
            Condition::Always => true,
            Condition::MeasurePositive => measure(stem) > 0,
            Condition::MeasureAboveOne => measure(stem) > 1,
            Condition::MeasureAboveOneAndST => {
                measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't'))
            }
            Condition::LogiMeasure => measure(&word[..word.len() - 3]) > 0,
        }
    }
}

/// NLTK's `_apply_rule_list`: the first rule whose suffix the word ends with
/// decides; its condition either allows the replacement or leaves the word.
fn apply(w: &mut Vec<u8>, rules: &[(&str, &str, Condition)]) {
    for &(suffix, replacement, condition) in rules {
        if w.ends_with(suffix.as_bytes()) {
            let stem_len = w.len() - suffix.len();
            if condition.holds(w, &w[..stem_len]) {
                replace(w, suffix.len(), replacement);
            }
            return;
        }
    }
}

fn step1a(w: &mut Vec<u8>) {
    if w.ends_with(b"ies") && w.len() == 4 {
        replace(w, 3, "ie");
        return;
    }
    use Condition::Always;
    apply(
        w,
        &[
            ("sses", "ss", Always),
            ("ies", "i", Always),
            ("ss", "ss", Always),
            ("s", "", Always),
        ],
    );
}

fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        let replacement = if w.len() == 4 { "ie" } else { "i" };
        replace(w, 3, replacement);
        return;
    }
    if w.ends_with(b"eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            replace(w, 3, "ee");
        }
        return;
    }
    let mut stripped = None;
    for suffix in ["ed", "ing"] {
        if w.ends_with(suffix.as_bytes()) && contains_vowel(&w[..w.len() - suffix.len()]) {
            stripped = Some(suffix.len());
            break;
        }
    }
    let Some(suffix_len) = stripped else {
        return;
    };
    w.truncate(w.len() - suffix_len);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if ends_double_consonant(w) {
        if !matches!(w.last(), Some(b'l' | b's' | b'z')) {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut [u8]) {
    let n = w.len();
    if w.ends_with(b"y") && n - 1 > 1 && is_consonant(w, n - 2) {
        w[n - 1] = b'i';
    }
}

fn step2(w: &mut Vec<u8>) {
    if w.ends_with(b"alli") && measure(&w[..w.len() - 4]) > 0 {
        replace(w, 4, "al");
        return step2(w);
    }
    use Condition::{LogiMeasure, MeasurePositive as M};
    apply(
        w,
        &[
            ("ational", "ate", M),
            ("tional", "tion", M),
            ("enci", "ence", M),
            ("anci", "ance", M),
            ("izer", "ize", M),
            ("bli", "ble", M),
            ("alli", "al", M),
            ("entli", "ent", M),
            ("eli", "e", M),
            ("ousli", "ous", M),
            ("ization", "ize", M),
            ("ation", "ate", M),
            ("ator", "ate", M),
            ("alism", "al", M),
            ("iveness", "ive", M),
            ("fulness", "ful", M),
            ("ousness", "ous", M),
            ("aliti", "al", M),
            ("iviti", "ive", M),
            ("biliti", "ble", M),
            ("fulli", "ful", M),
            ("logi", "log", LogiMeasure),
        ],
    );
}

fn step3(w: &mut Vec<u8>) {
    use Condition::MeasurePositive as M;
    apply(
        w,
        &[
            ("icate", "ic", M),
            ("ative", "", M),
            ("alize", "al", M),
            ("iciti", "ic", M),
            ("ical", "ic", M),
            ("ful", "", M),
            ("ness", "", M),
        ],
    );
}

fn step4(w: &mut Vec<u8>) {
    use Condition::{MeasureAboveOne as M, MeasureAboveOneAndST};
    apply(
        w,
        &[
            ("al", "", M),
            ("ance", "", M),
            ("ence", "", M),
            ("er", "", M),
            ("ic", "", M),
            ("able", "", M),
            ("ible", "", M),
            ("ant", "", M),
            ("ement", "", M),
            ("ment", "", M),
            ("ent", "", M),
            ("ion", "", MeasureAboveOneAndST),
            ("ou", "", M),
            ("ism", "", M),
            ("ate", "", M),
            ("iti", "", M),
            ("ous", "", M),
            ("ive", "", M),
            ("ize", "", M),
        ],
    );
}

fn step5a(w: &mut Vec<u8>) {
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<u8>) {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_stems() {
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("generalizations", "gener"),
            ("skies", "sky"),
            ("dying", "die"),
            ("meetings", "meet"),
            ("economy", "economi"),
            ("running", "run"),
            ("yyyy", "yyyi"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    /// Words built from many stems and suffixes, plus pseudo-random strings
    /// rich in y's and vowels, must stem exactly as the nltk-porter crate
    /// (itself checked against NLTK) stems them.
    #[test]
    fn matches_the_reference_port() {
        let reference = nltk_porter::PorterStemmer::new(nltk_porter::Mode::Nltk);
        let stems = [
            "rel", "condit", "nation", "gener", "hop", "fil", "happ", "sky", "agre", "feed",
            "bleed", "plast", "motor", "cry", "tri", "syzyg", "toy", "obey", "play", "fall",
            "control", "troubl", "oat", "tree", "ivy", "privat", "orrer", "hope", "formal", "sens",
            "elect", "adopt", "analog", "radic", "bea", "effect", "depend", "irrit", "replac",
            "homolog", "communic", "activ", "angular", "electr", "digit", "adjust", "allow",
            "eros", "luxur", "kn", "a", "y", "ay", "by", "yy", "ee", "sp", "fizz", "hiss", "fail",
            "hopp", "tann", "mess", "kn0", "x2",
        ];
        let suffixes = [
            "", "s", "es", "ies", "sses", "ss", "ed", "eed", "ied", "ing", "at", "ated", "ating",
            "bl", "bled", "iz", "ized", "y", "ly", "ally", "ational", "tional", "enci", "anci",
            "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism",
            "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "fulli", "logi", "icate",
            "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic",
            "able", "ible", "ant", "ement", "ment", "ent", "ion", "sion", "tion", "ou", "ism",
            "ate", "iti", "ous", "ive", "ize", "e", "le", "ll", "yy", "ying", "yed", "eys",
        ];
        let mut words: Vec<String> = Vec::new();
        for s in stems {
            for x in suffixes {
                words.push(format!("{s}{x}"));
            }
        }
        let alphabet = b"aeiouyybcdlnstrgz0";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = 1 + (state % 11) as usize;
            let word: String = (0..len)
                .map(|k| alphabet[((state >> (k * 5)) % alphabet.len() as u64) as usize] as char)
                .collect();
            words.push(word);
        }
        let mut mismatches = Vec::new();
        for word in &words {
            let ours = stem(word);
            let theirs = reference.stem(word);
            if ours != theirs {
                mismatches.push(format!("{word}: {ours} vs {theirs}"));
            }
        }
        assert!(
            mismatches.is_empty(),
            "{} of {} differ: {:?}",
            mismatches.len(),
            words.len(),
            &mismatches[..mismatches.len().min(20)]
        );
    }

    #[test]
    fn long_runs_do_not_recurse() {
        let word = "y".repeat(100_000);
        assert_eq!(stem(&word).len(), 100_000);
        assert!(stem(&word).ends_with("yi"));
    }
}
