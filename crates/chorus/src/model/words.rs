//! The words a figure or a length of time is written in: number words,
//! scale words, time units and the plurals of counted nouns.
//!
//! They belong to the model because both sides of a claim read them: the
//! compare stage when it finds "five lakh" or "three hours" in a sentence,
//! and the renderers when they show a duration in the unit it was written
//! in and a figure beside the words it was written with.

/// Number words, for the compare stage's lexicon (compounds are read by
/// [`is_number_word`]).
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// Whether a lower-case word is a number word ("five", "twenty-two").
pub fn is_number_word(word: &str) -> bool {
    number_value(word).is_some()
}

/// Words that count; hyphenated compounds ("twenty-two") are split first.
pub fn small_number(word: &str) -> Option<f64> {
    let value = match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(value as f64)
}

/// "twenty-two" → 22; a plain number word → its value.
pub fn number_value(word: &str) -> Option<f64> {
    if let Some((tens, units)) = word.split_once('-') {
        let tens = small_number(tens)?;
        let units = small_number(units)?;
        return (tens >= 20.0 && units < 10.0).then_some(tens + units);
    }
    small_number(word)
}

/// Scale words, including the Indian lakh (10⁵) and crore (10⁷).
pub fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Time units in seconds; a figure followed by one is a duration.
pub fn time_unit(word: &str) -> Option<(&'static str, f64)> {
    Some(match word {
        "second" | "seconds" | "sec" | "secs" => ("second", 1.0),
        "minute" | "minutes" | "min" | "mins" => ("minute", 60.0),
        "hour" | "hours" | "hr" | "hrs" => ("hour", 3600.0),
        "day" | "days" => ("day", 86_400.0),
        "week" | "weeks" => ("week", 604_800.0),
        "month" | "months" => ("month", 2_629_800.0),
        "year" | "years" => ("year", 31_557_600.0),
        "decade" | "decades" => ("decade", 315_576_000.0),
        _ => return None,
    })
}

/// Counted nouns whose plural is not made with an "s": (singular,
/// plural). The scanner reads the plural back to the singular with the
/// same table.
pub const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("child", "children"),
    ("man", "men"),
    ("woman", "women"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("mouse", "mice"),
];

/// The plural of a counted noun as claims keep it (singular): "boats",
/// "stories", "feet", "people". Both the fact labels and the renderers
/// write counted nouns in the plural.
pub fn plural(noun: &str) -> String {
    // "2.1 children per woman": the rate's first noun takes the plural.
    if let Some((counted, per)) = noun.split_once(" per ") {
        return format!("{} per {per}", plural(counted));
    }
    if let Some((_, many)) = IRREGULAR_PLURALS.iter().find(|(one, _)| *one == noun) {
        return (*many).to_string();
    }
    match noun {
        "people" | "police" | "staff" | "personnel" | "cattle" | "years old" | "months old"
        | "weeks old" | "days old" => noun.to_string(),
        "person" => "people".into(),
        // "gunman", "policeman"; not "human" or "German".
        _ if noun.len() >= 5
            && noun.ends_with("man")
            && !["human", "german", "roman", "shaman", "talisman", "ottoman"].contains(&noun) =>
        {
            format!("{}men", &noun[..noun.len() - 3])
        }
        _ if noun.ends_with('y')
            && !noun.ends_with("ay")
            && !noun.ends_with("ey")
            && !noun.ends_with("oy") =>
        {
            format!("{}ies", &noun[..noun.len() - 1])
        }
        _ if ["s", "x", "ch", "sh"].iter().any(|e| noun.ends_with(e)) => format!("{noun}es"),
        _ => format!("{noun}s"),
    }
}

/// Whether a claim as written gives its figure in words or with a scale
/// word ("five lakh", "Rs 1,200 crore", "half a million").
pub(super) fn has_number_words(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .any(|w| {
            number_value(&w).is_some()
                || scale_word(&w).is_some()
                || matches!(w.as_str(), "half" | "dozen")
        })
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn plurals_of_counted_nouns() {
        assert_eq!(plural("nomination"), "nominations");
        assert_eq!(plural("casualty"), "casualties");
        assert_eq!(plural("person"), "people");
        assert_eq!(plural("bus"), "buses");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("foot"), "feet");
        assert_eq!(plural("child per woman"), "children per woman");
        assert_eq!(plural("gunman"), "gunmen");
        assert_eq!(plural("human"), "humans");
    }
}
