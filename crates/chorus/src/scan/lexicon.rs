//! The words the scanners know, and what each word can start or
//! signal, looked up once per token.
//!
//! Every word list the scanners read (number, scale and unit words,
//! months, weekdays, events, titles, reporting verbs) lives here or, for
//! the words a report shows its claims in, is passed on from
//! [`crate::model`]; the scanners read this module and never each other: a month name is
//! the same word to the quantity scanner, which must not take "15 March"
//! for a count, and to the date scanner, which reads it.
//!
//! Every scanner asks the same question of every token ("could a figure,
//! a date, an event start here?"); one hash lookup at tokenizing time
//! answers them all, and the scanners skip the rest of their work for
//! the great majority of tokens, which answer no.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

pub(crate) use crate::model::words::{
    NUMBER_WORDS, is_number_word, number_value, scale_word, small_number, time_unit,
};

/// Function words that carry no content of their own.
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "mr",
    "ms",
    "mrs",
    "one",
    "new",
    "like",
    "get",
    "told",
    "year",
    "years",
    "according",
    "may",
    "might",
    "must",
    "us",
    "re",
    "ve",
    "ll",
    "d",
    "m",
];

/// A figure can start here: a number word, "a"/"half", a currency word.
pub const FIGURE: u16 = 1;
/// A date can start here: a weekday, a month, "yesterday", "last".
pub const DATE: u16 = 1 << 1;
/// The word names an event news counts ("killed", "displaced").
pub const EVENT: u16 = 1 << 2;
/// A function word.
pub const FUNCTION: u16 = 1 << 3;
/// A title before a name ("president", "minister").
pub const TITLE: u16 = 1 << 4;
/// Capitalised but never a name ("Monday", "Photo").
pub const NOT_NAME: u16 = 1 << 5;
/// A verb that reports speech ("said", "told").
pub const REPORTING: u16 = 1 << 6;
/// A word that makes a name an organisation ("ministry", "agency").
pub const ORGANIZATION: u16 = 1 << 7;
/// A word that makes a name a place ("river", "palace").
pub const PLACE: u16 = 1 << 8;
/// A word that may open or carry a time expression ("the past", "three
/// hours", "recently"), besides weekdays and months.
pub const TIMEX: u16 = 1 << 9;
/// A word a time expression can be made of besides figures and date
/// words: every `TIMEX` word but those that only lead into one ("the",
/// "about", "at"; see [`TIMEX_LEADS`]), and the few words the grammar
/// reads that open nothing ("nineties", "term", "twice"). A lead with
/// none of these, a figure or a date word after it opens no expression.
pub const TIMEX_CORE: u16 = 1 << 10;
/// A word an age can follow ("aged 34", "died at 34", "was 34"): with
/// the figure words, what a quantity may start at besides digits,
/// currency signs and hyphenated words.
pub const AGE_LEAD: u16 = 1 << 11;

/// The words that carry [`AGE_LEAD`].
const AGE_LEADS: &[&str] = &["aged", "age", "died", "dead", "was", "is"];

/// Words that may open a figure besides digits and number words.
const FIGURE_WORDS: &[&str] = &[
    "a",
    "an",
    "half",
    "tens",
    "hundreds",
    "dozens",
    "scores",
    "thousands",
    "millions",
    "billions",
    "lakhs",
    "crores",
    "rs",
    "inr",
    "usd",
    "eur",
    "gbp",
    "us",
];

/// Words that may open a date besides weekdays and months.
const DATE_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "next",
    "this",
];

// Figures: abbreviated and order-of-magnitude scales, currencies and units
// of measure (number words, scale words and time units come from the model).

/// Abbreviated scales glued to a figure or following a currency ("$5m",
/// "2.5bn", "Rs 300cr").
pub(super) fn scale_abbreviation(word: &str) -> Option<f64> {
    Some(match word {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" => 1e9,
        "tn" | "trn" => 1e12,
        "cr" => 1e7,
        _ => return None,
    })
}

/// Plural scale words that give an order of magnitude only.
pub(super) fn magnitude_word(word: &str) -> Option<f64> {
    Some(match word {
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "lakhs" => 1e5,
        "crores" => 1e7,
        _ => return None,
    })
}

/// Currency words under their ISO code ("rupees" → "INR").
pub(super) fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        // "dlrs": newswire's abbreviation ("U.S. dlrs 3.7 billion").
        "dollar" | "dollars" | "dlrs" => "USD",
        "rupee" | "rupees" => "INR",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" => "GBP",
        "yen" => "JPY",
        "yuan" => "CNY",
        _ => return None,
    })
}

/// Whether a claim's unit is a currency's ISO code ("USD", "INR").
pub fn is_currency_code(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// The code of a country's dollar by the word naming the country before
/// "dollars" ("Australian dollars" → "AUD", "U.S. dlrs" → "USD"; "New
/// Zealand" and "Hong Kong" by their last word).
pub(super) fn dollar_of(country: &str) -> Option<&'static str> {
    Some(match country {
        "u.s." | "u.s" | "us" | "american" => "USD",
        "australian" => "AUD",
        "canadian" => "CAD",
        "zealand" => "NZD",
        "kong" | "hk" => "HKD",
        "singapore" => "SGD",
        "taiwan" | "taiwanese" => "TWD",
        _ => return None,
    })
}

/// Units of measure under one name each ("metres", "m" → "meter").
pub fn measure_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "meter" | "meters" | "metre" | "metres" | "m" => "meter",
        "foot" | "feet" | "ft" => "foot",
        "kilometer" | "kilometers" | "kilometre" | "kilometres" | "km" | "kms" => "kilometer",
        "mile" | "miles" | "mi" => "mile",
        "inch" | "inches" => "inch",
        "centimeter" | "centimeters" | "centimetre" | "centimetres" | "cm" => "centimeter",
        "millimeter" | "millimeters" | "millimetre" | "millimetres" | "mm" => "millimeter",
        "yard" | "yards" => "yard",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "hectare",
        "kilogram" | "kilograms" | "kg" => "kilogram",
        // Sums in pounds are read before this ("5 million pounds"; see
        // the quantity reader); "a 17-pound computer" weighs.
        "pound" | "pounds" | "lb" | "lbs" => "pound",
        "ton" | "tons" | "tonne" | "tonnes" => "ton",
        "story" | "stories" | "storey" | "storeys" => "story",
        "mph" => "mph",
        "rpm" => "rpm",
        "fps" => "fps",
        _ => return None,
    })
}

/// The area unit a length unit squares ("square miles", "sq. km",
/// "square-kilometer" → "square mile", "square kilometer").
pub fn area_unit(length: &str) -> Option<&'static str> {
    Some(match measure_unit(length)? {
        "meter" => "square meter",
        "foot" => "square foot",
        "kilometer" => "square kilometer",
        "mile" => "square mile",
        "yard" => "square yard",
        "inch" => "square inch",
        _ => return None,
    })
}

/// What a unit of measure measures and its size in that dimension's base
/// unit (metres, square metres, kilograms), so that "55 miles" and "70
/// kilometers" can be set side by side. Tons are left out: reports do not
/// say whose ton (metric, short or long, a tenth apart) they mean.
pub fn measure_base(unit: &str) -> Option<(&'static str, f64)> {
    // A square unit (see [`area_unit`]) is its length squared.
    if let Some(length) = unit.strip_prefix("square ") {
        return match measure_base(length)? {
            ("length", size) => Some(("area", size * size)),
            _ => None,
        };
    }
    Some(match unit {
        "meter" => ("length", 1.0),
        "foot" => ("length", 0.3048),
        "kilometer" => ("length", 1000.0),
        "mile" => ("length", 1609.344),
        "inch" => ("length", 0.0254),
        "centimeter" => ("length", 0.01),
        "millimeter" => ("length", 0.001),
        "nautical mile" => ("length", 1852.0),
        "yard" => ("length", 0.9144),
        "acre" => ("area", 4_046.856_422_4),
        "hectare" => ("area", 1e4),
        "kilogram" => ("mass", 1.0),
        "pound" => ("mass", 0.453_592_37),
        _ => return None,
    })
}

/// Compass bearings, as a distance is told in them ("90 miles north of
/// Las Vegas", "70 kilometers south-east of Istanbul").
pub const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "north-west",
    "north-east",
    "south-west",
    "south-east",
];

/// Units written as symbols whose case matters ("16GB", "3.1 GHz"; "MB"
/// and "mb" differ): data sizes, frequencies, power and energy.
pub fn symbol_unit(text: &str) -> Option<&'static str> {
    Some(match text {
        "KB" | "kB" => "KB",
        "MB" => "MB",
        "GB" => "GB",
        "TB" => "TB",
        "Hz" => "Hz",
        "kHz" => "kHz",
        "MHz" => "MHz",
        "GHz" => "GHz",
        "mAh" => "mAh",
        "kW" => "kW",
        "MW" => "MW",
        "GW" => "GW",
        "kWh" => "kWh",
        "MWh" => "MWh",
        "GWh" => "GWh",
        _ => return None,
    })
}

/// Whether a unit is written as an abbreviation, which has no plural
/// ("mph", "GB").
pub fn is_abbreviated_unit(unit: &str) -> bool {
    matches!(unit, "mph" | "rpm" | "fps") || symbol_unit(unit).is_some()
}

// Dates.

/// Month names and their abbreviations.
pub(super) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month a name or abbreviation ("Feb.") stands for.
pub fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)
}

/// Weekday names, Monday first (chrono's numbering).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

// Events news counts.

/// Events news counts, each with the words that name it.
pub const EVENTS: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "kill",
            "killed",
            "killing",
            "kills",
            "dead",
            "death",
            "deaths",
            "died",
            "die",
            "dies",
            "fatalities",
            "fatality",
            "lives",
            "toll",
            "slain",
            "perished",
            "bodies",
            "murdered",
            "massacred",
            "executed",
        ],
    ),
    (
        "injured",
        &[
            "injured",
            "injuring",
            "injuries",
            "wounded",
            "wounding",
            "hurt",
            "hospitalised",
            "hospitalized",
        ],
    ),
    (
        "displaced",
        &[
            "displaced",
            "displacing",
            "displacement",
            "homeless",
            "evacuated",
            "evacuation",
            "evacuees",
            "fled",
            "fleeing",
            "uprooted",
            "refugees",
            "homes",
        ],
    ),
    ("missing", &["missing", "unaccounted"]),
    (
        "arrested",
        &[
            "arrested",
            "arrests",
            "detained",
            "detention",
            "custody",
            "jailed",
        ],
    ),
    ("rescued", &["rescued", "rescue", "saved"]),
    (
        "infected",
        &[
            "infected",
            "infections",
            "cases",
            "positive",
            "sickened",
            "sickening",
            "sickens",
            "illnesses",
        ],
    ),
    ("votes", &["votes", "voted", "ballots", "vote"]),
    (
        "protesters",
        &[
            "protesters",
            "demonstrators",
            "marched",
            "rallied",
            "protest",
            "protested",
        ],
    ),
    (
        "jobs",
        &["jobs", "layoffs", "laid", "employees", "workers", "staff"],
    ),
    (
        "damage",
        &["damage", "damages", "destroyed", "losses", "worth", "loss"],
    ),
    (
        "aid",
        &[
            "aid",
            "pledged",
            "donated",
            "donation",
            "grant",
            "assistance",
        ],
    ),
    (
        "messages",
        &[
            "texts",
            "messages",
            "emails",
            "calls",
            "tweets",
            "letters",
            "exchanged",
            "texting",
        ],
    ),
    ("lasted", &["lasted", "lasting", "talked"]),
    ("sentenced", &["sentenced", "sentence", "prison", "jail"]),
    ("fined", &["fined", "fine", "penalty", "settlement"]),
];

/// Whether an event counts people ("230 were killed").
pub fn counts_people(event: &str) -> bool {
    matches!(
        event,
        "killed"
            | "injured"
            | "displaced"
            | "missing"
            | "arrested"
            | "rescued"
            | "infected"
            | "protesters"
    )
}

/// Whether a word naming an event that counts people is, right after a
/// figure, what the figure counts: "fled their homes" names a
/// displacement, but "about 70 homes" were evacuated, not 70 people.
pub fn names_things_counted(word: &str) -> bool {
    matches!(word, "homes")
}

/// The event a word names, if any.
pub fn event_of(word: &str) -> Option<&'static str> {
    EVENTS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(event, _)| *event)
}

// Names: titles, organisations, places, speakers.

/// Words that, leading a name, are a title and mark a person.
pub(super) const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "secretary",
    "secretary-general",
    "general",
    "gen",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sen",
    "senator",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "pope",
    "emeritus",
    "chief",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "colonel",
    "col",
    "captain",
    "capt",
    "lt",
    "lieutenant",
    "sergeant",
    "sgt",
    "sir",
    "lord",
    "lady",
    "archbishop",
    "cardinal",
    "monsignor",
    "msgr",
    "rabbi",
    "pastor",
    "bishop",
    "imam",
    "rev",
    "reverend",
    "professor",
    "prof",
    "vice",
    "deputy",
    "premier",
    "director",
    "detective",
    "ceo",
    "chairman",
    "chairwoman",
    "officer",
    "envoy",
    "coach",
    "attorney",
    "leader",
    "majority",
    "minority",
    "sens",
    "reps",
    "del",
    "delegate",
    "maj",
    // Local and legislative offices ("City Clerk Kim Lehmkuhl", "Labor
    // Commissioner Brad Avakian", "Congressman Goodlatte").
    "clerk",
    "commissioner",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "councilmember",
    "councillor",
    "councilor",
    "assemblyman",
    "assemblywoman",
    "alderman",
    "sheriff",
    "superintendent",
    "prosecutor",
    "treasurer",
    "comptroller",
    "marshal",
    "inspector",
    "magistrate",
];

/// Words inside a name that make it an organisation, and an outlet's
/// too (see [`OUTLET_WORDS`]).
const NEWSPAPER_WORDS: &[&str] = &[
    "news", "times", "post", "herald", "press", "daily", "observer", "journal", "network",
];

/// Words inside a name that make it an organisation (and
/// [`NEWSPAPER_WORDS`]).
pub(super) const ORGANIZATION_WORDS: &[&str] = &[
    "ministry",
    "service",
    "agency",
    "council",
    "party",
    "bank",
    "university",
    "union",
    "nations",
    "organization",
    "organisation",
    "committee",
    "commission",
    "court",
    "company",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "group",
    "association",
    "department",
    "army",
    "police",
    "forces",
    "institute",
    "office",
    "parliament",
    "congress",
    "senate",
    "fund",
    "federation",
    "courier",
    "board",
    "authority",
    "administration",
    "foundation",
    "club",
    "team",
    "school",
    "college",
    "hospital",
    "airlines",
    "airways",
    "bureau",
    "guard",
    "navy",
    "command",
    "cabinet",
    "government",
    "assembly",
    "tribunal",
    "society",
    "movement",
    "front",
    "brigade",
    "observatory",
    "coalition",
    "alliance",
    "league",
    // Companies' last words ("Austin Energy", "Kelly Services", "Jack
    // Daniel Distillery"), which a given name may open.
    "services",
    "energy",
    "distillery",
    "brewery",
    "foods",
    "motors",
    "records",
    "studios",
    "pictures",
    "entertainment",
    "holdings",
    "brands",
    "stores",
    "pharmaceuticals",
    "insurance",
];

/// Words inside a name that make it a place.
pub(super) const PLACE_WORDS: &[&str] = &[
    "river",
    "palace",
    "valley",
    "sea",
    "ocean",
    "mountains",
    "mountain",
    "mount",
    "province",
    "city",
    "island",
    "islands",
    "lake",
    "street",
    "square",
    "airport",
    "dam",
    "bridge",
    "region",
    "county",
    "district",
    "state",
    "bay",
    "gulf",
    "desert",
    "strait",
    "coast",
    "peninsula",
    "hill",
    "hills",
    "park",
    "border",
    "village",
    "town",
    "camp",
    "port",
    "avenue",
    "ave",
    "blvd",
    "boulevard",
    "road",
    "station",
    "stadium",
    "hall",
    "building",
    "tower",
    "center",
    "centre",
];

/// Verbs that report speech; a name next to one is a speaker.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "stated",
    "announced",
    "warned",
    "wrote",
    "tweeted",
    "asked",
    "explained",
    "noted",
    "argued",
    "insisted",
    "claimed",
    "confirmed",
    "denied",
    "declared",
    "urged",
    "replied",
    "responded",
    "acknowledged",
    "recalled",
    "continued",
    "posted",
    "testified",
    "admitted",
    "shouted",
    "yelled",
    "screamed",
    "cried",
    "joked",
    "quipped",
    "conceded",
    "boasted",
    "vowed",
    "pleaded",
    "complained",
    "remarked",
    "exclaimed",
    "whispered",
    "taunted",
    "chanted",
    "countered",
    "contended",
    "stressed",
    "emphasized",
    "emphasised",
    "cautioned",
    "reiterated",
    "recounted",
    "lamented",
    "mused",
    "wondered",
    "marveled",
    "marvelled",
    "scoffed",
    "snapped",
    "fumed",
    "gushed",
    "sighed",
    "texted",
    "observed",
    "predicted",
    "suggested",
    "concluded",
    // The present of magazine prose: "…," she adds. ("notes", "tweets"
    // and "replies" are nouns as often: "the notes:" introduces no one.)
    "adds",
    "writes",
    "explains",
    "recalls",
    "continues",
    "insists",
    "argues",
    "warns",
    "admits",
];

/// Nouns naming what a sentence ending in a colon introduces when no
/// reporting verb says so: "Persson elaborated in a blog post:".
pub const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "post",
    "blog",
    "tweet",
    "tweets",
    "letter",
    "memo",
    "email",
    "e-mail",
    "message",
    "note",
    "reply",
    "response",
    "remarks",
];

/// Whether a line ending in a colon introduces a quote set below it:
/// a reporting verb or a statement noun says someone speaks
/// ("Vasiliades' lawyer released the following statement:").
pub fn introduces_quote(line: &str) -> bool {
    line.trim_end().ends_with(':')
        && (names_its_source(line)
            || line
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .any(|w| {
                    REPORTING_VERBS
                        .iter()
                        .chain(STATEMENT_NOUNS)
                        .any(|known| known.eq_ignore_ascii_case(w))
                }))
}

/// Most words in a line that names the outlet a block below is taken
/// from.
const SOURCE_LINE_WORDS: usize = 8;

/// Words that make a name an outlet's ("Asia & Japan Watch", "the
/// Washington Post", "Reuters"), beside [`NEWSPAPER_WORDS`]; a name in
/// capitals of two to five letters ("AP", "BBC") is one too.
const OUTLET_WORDS: &[&str] = &[
    "watch",
    "magazine",
    "reporter",
    "review",
    "wire",
    "tribune",
    "gazette",
    "telegraph",
    "guardian",
    "independent",
    "economist",
    "chronicle",
    "examiner",
    "mail",
    "mirror",
    "express",
    "standard",
    "weekly",
    "insider",
    "radio",
    "television",
    "reuters",
    "bloomberg",
    "politico",
    "axios",
    "wikipedia",
];

/// Whether a short line ending in a colon names the outlet the block
/// below it is taken from, as aggregators set what they excerpt ("From
/// Asia & Japan Watch:", "Per the AP:", "According to Reuters:"): after
/// the lead, a name an outlet's word or capitals make one. A heading
/// ("From Monday:", "From Kyiv:", "From The Archives:") names none.
fn names_its_source(line: &str) -> bool {
    let mut words = line.trim_end().trim_end_matches(':').split_whitespace();
    if line.split_whitespace().count() > SOURCE_LINE_WORDS {
        return false;
    }
    let led = match words.next() {
        Some(w) if w.eq_ignore_ascii_case("according") => {
            words.next().is_some_and(|to| to.eq_ignore_ascii_case("to"))
        }
        Some(w) => ["from", "per", "via"]
            .iter()
            .any(|l| w.eq_ignore_ascii_case(l)),
        None => false,
    };
    let outlet = |word: &str| {
        let word = word.trim_end_matches("'s").trim_end_matches("’s");
        NEWSPAPER_WORDS
            .iter()
            .chain(OUTLET_WORDS)
            .any(|o| o.eq_ignore_ascii_case(word))
            || ((2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase()))
    };
    led && words.any(outlet)
}

/// Fewest letters a sentence in capitals needs to count as shouted: "NEW
/// YORK (AP)" and "FBI" are not.
const SHOUTED_LETTERS: usize = 20;

/// Whether a sentence is printed in capitals ("A LOCAL SEX PREDATOR IS
/// FLORIDA'S NEWEST MULTIMILLIONAIRE…", as broadcasters' pages print
/// their scripts). A brief would read as shouting, and its names cannot
/// be told from its other words: a brief takes such a sentence only when
/// nothing else fits, and no names are read from it.
pub fn shouts(text: &str) -> bool {
    // Asked of every sentence: ASCII letters only, and most sentences
    // show enough small letters in their first words to stop there.
    let (mut letters, mut lower) = (0, 0);
    for b in text.bytes() {
        if b.is_ascii_lowercase() {
            lower += 1;
            if lower * 10 >= text.len() {
                return false;
            }
        }
        letters += usize::from(b.is_ascii_alphabetic());
    }
    letters >= SHOUTED_LETTERS && lower * 10 < letters
}

/// Capitalised words that are not names (weekdays and months join them
/// in the table below).
pub(super) const NOT_NAMES: &[&str] = &[
    "photo",
    "image",
    "video",
    "update",
    "read",
    "more",
    "click",
    "follow",
    "share",
    "advertisement",
    // Page furniture and words that open sentences, capitalised where a
    // quotation or a line of a page puts them ("Skip in Skip x Embed",
    // "“Thank you for your service"); not "Skip" (Skip Spence) nor
    // "Everybody" ("Everybody Loves Raymond").
    "embed",
    "subscribe",
    "sign",
    "thank",
    "thanks",
    "unfortunately",
    "fortunately",
    "everyone",
    "getty",
    "images",
    "file",
    "gmt",
    "utc",
    "rs",
    "inr",
    "usd",
    "est",
    "edt",
    "pst",
    "pdt",
    "cet",
    "bst",
    "ist",
];

/// A word of at most 15 bytes packed into one number with its length:
/// a table keyed by these finds a word by comparing numbers, without
/// following a pointer to the word's text and comparing bytes, which was
/// most of the cost of the per-token lookups (every word of every report
/// is looked up). `None` for longer words.
pub fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut buffer = [0u8; 16];
    buffer[..bytes.len()].copy_from_slice(bytes);
    buffer[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(buffer))
}

/// The lexicon's words by [`packed`] key (the long ones are in `LEXICON`).
static SHORT_LEXICON: LazyLock<FxHashMap<u128, u16>> = LazyLock::new(|| {
    LEXICON
        .iter()
        .filter_map(|(word, &flags)| packed(word).map(|key| (key, flags)))
        .collect()
});

/// The flags of a word in the lexicon.
fn lexicon_flags(word: &str) -> Option<u16> {
    match packed(word) {
        Some(key) => SHORT_LEXICON.get(&key).copied(),
        None => LEXICON.get(word).copied(),
    }
}

static LEXICON: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u16> = FxHashMap::default();
    let mut add = |words: &[&'static str], flag: u16| {
        for &w in words {
            *map.entry(w).or_insert(0) |= flag;
        }
    };
    add(FIGURE_WORDS, FIGURE);
    add(NUMBER_WORDS, FIGURE);
    add(DATE_WORDS, DATE);
    add(&WEEKDAYS, DATE | NOT_NAME);
    for &(name, month) in MONTHS {
        // A month's full name is never a name; "May" and abbreviations may be.
        let longest = MONTHS
            .iter()
            .filter(|(_, m)| *m == month)
            .all(|(other, _)| other.len() <= name.len());
        let flags = if longest && name != "may" {
            DATE | NOT_NAME
        } else {
            DATE
        };
        add(&[name], flags);
    }
    for (_, words) in EVENTS {
        add(words, EVENT);
    }
    add(FUNCTION_WORDS, FUNCTION);
    add(TITLES, TITLE);
    add(NOT_NAMES, NOT_NAME);
    add(REPORTING_VERBS, REPORTING);
    add(ORGANIZATION_WORDS, ORGANIZATION);
    add(NEWSPAPER_WORDS, ORGANIZATION);
    add(PLACE_WORDS, PLACE);
    add(TIMEX_WORDS, TIMEX);
    add(AGE_LEADS, AGE_LEAD);
    for &word in TIMEX_WORDS.iter().chain(TIMEX_CORE_WORDS) {
        if !TIMEX_LEADS.contains(&word) {
            add(&[word], TIMEX_CORE);
        }
    }
    map
});

/// The flags of a lower-case word.
pub fn flags(lower: &str) -> u16 {
    // "Friday's", "last year's": the word's own flags.
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .filter(|base| !base.is_empty())
        .unwrap_or(lower);
    match lexicon_flags(lower) {
        Some(flags) => flags,
        // "twenty-two"
        None if lower.contains('-') && is_number_word(lower) => FIGURE,
        // "third-quarter", "10-year", "mid-November": a compound carries
        // what its parts may open.
        None if lower.contains('-') => {
            let carried = lower
                .split('-')
                .filter_map(lexicon_flags)
                .fold(0, |flags, f| flags | f);
            if carried & (DATE | TIMEX) != 0 {
                TIMEX | TIMEX_CORE
            } else {
                0
            }
        }
        None => 0,
    }
}

// Time expressions.

/// `TIMEX` words that only lead into a time expression: determiners,
/// qualifiers and prepositions ("the past three years", "about a week",
/// "at noon"), none a time expression alone or with one another.
const TIMEX_LEADS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "another",
    "at",
    "as",
    "more",
    "over",
    "less",
    "under",
    "up",
    "within",
    "no",
    "fewer",
    "greater",
    "upwards",
    "just",
    "close",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "many",
    "several",
    "few",
];

/// Words the date grammar reads as a time expression's core that no
/// other list here flags (figures and date words are cores already):
/// decades in words, multiples, "the long term".
const TIMEX_CORE_WORDS: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "once",
    "twice",
    "thrice",
    "times",
    "term",
    "ago",
    "eve",
    "o'clock",
];

/// Words that may open or carry a time expression besides weekdays,
/// months and number words: units, determiners and positions ("the past",
/// "late"), qualifiers ("about"), seasons, parts of the day, holidays,
/// ordinals, and words for now, the past and the future.
const TIMEX_WORDS: &[&str] = &[
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "year's",
    "decade",
    "decades",
    "century",
    "centuries",
    "millennium",
    "millennia",
    "millenniums",
    "period",
    "the",
    "this",
    "that",
    "these",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "following",
    "current",
    "latest",
    "early",
    "earlier",
    "late",
    "later",
    "mid",
    "end",
    "every",
    "each",
    "per",
    "recent",
    "recently",
    "fiscal",
    "calendar",
    "its",
    "their",
    "his",
    "her",
    "our",
    "another",
    "year-end",
    "year-ago",
    "year-earlier",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "more",
    "over",
    "less",
    "under",
    "up",
    "within",
    "at",
    "no",
    "fewer",
    "greater",
    "upwards",
    "just",
    "close",
    "as",
    "several",
    "few",
    "many",
    "some",
    "couple",
    "dozen",
    "numerous",
    "countless",
    "now",
    "currently",
    "presently",
    "nowadays",
    "soon",
    "shortly",
    "someday",
    "future",
    "lately",
    "previously",
    "formerly",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "hourly",
    "quarterly",
    "spring",
    "springtime",
    "summer",
    "summertime",
    "fall",
    "autumn",
    "winter",
    "wintertime",
    "morning",
    "mornings",
    "afternoon",
    "afternoons",
    "evening",
    "evenings",
    "night",
    "nights",
    "tonight",
    "overnight",
    "noon",
    "midday",
    "midnight",
    "mid-afternoon",
    "christmas",
    "thanksgiving",
    "easter",
    "halloween",
    "new",
    "valentine's",
    "independence",
    "labor",
    "labour",
    "memorial",
    "election",
    "first",
    "second",
    "third",
    "fourth",
    "final",
    "q1",
    "q2",
    "q3",
    "q4",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "comparable",
    "corresponding",
    "same",
    "prior-year",
];

/// Words before a month or a year that make it a date.
pub const DATE_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "early", "late", "mid", "during", "before",
    "after", "of", "last", "next", "this", "through", "between", "and", "to", "on", "for",
];

/// Words before a number that make it a label, not a year ("Flight
/// 1549", "Route 2000").
pub const LABEL_WORDS: &[&str] = &[
    "no",
    "number",
    "flight",
    "route",
    "room",
    "page",
    "pages",
    "article",
    "section",
    "chapter",
    "model",
    "version",
    "highway",
    "bus",
    "interstate",
    "resolution",
    "rule",
    "code",
    "channel",
    "gate",
    "suite",
    "unit",
    "apartment",
    "box",
    "platform",
    "track",
    "vol",
    "volume",
    "issue",
    "item",
    "bill",
    "ward",
    "district",
    "stage",
    "windows",
    "dow",
    "index",
    "nasdaq",
    "points",
    "about",
    "some",
    "over",
    "under",
    "nearly",
    "almost",
    "than",
    "around",
    "roughly",
    "approximately",
];

/// An ordinal written in words ("third", "twenty-first").
pub fn ordinal(word: &str) -> Option<u32> {
    let small = |w: &str| -> Option<u32> {
        Some(match w {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            "eleventh" => 11,
            "twelfth" => 12,
            "thirteenth" => 13,
            "fourteenth" => 14,
            "fifteenth" => 15,
            "sixteenth" => 16,
            "seventeenth" => 17,
            "eighteenth" => 18,
            "nineteenth" => 19,
            "twentieth" => 20,
            "thirtieth" => 30,
            _ => return None,
        })
    };
    if let Some((tens, units)) = word.split_once('-') {
        let tens = small_number(tens)? as u32;
        let units = small(units)?;
        return (matches!(tens, 20 | 30) && units < 10).then_some(tens + units);
    }
    small(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_naming_an_outlet_introduces_the_block_below_it() {
        for line in [
            "From Asia & Japan Watch:",
            "Per the AP:",
            "According to Reuters:",
            "Via The Guardian:",
            "In a statement, the ministry said:",
        ] {
            assert!(introduces_quote(line), "{line}");
        }
        for line in [
            "From left:",
            "From the start:",
            "From Monday:",
            "From Kyiv:",
            "From The Archives:",
            "To the editor:",
            "From Monday's meeting with the prime minister and his cabinet, the notes:",
            "Here is the list:",
        ] {
            assert!(!introduces_quote(line), "{line}");
        }
    }

    #[test]
    fn sentences_in_capitals_shout() {
        assert!(shouts(
            "A LOCAL SEX PREDATOR IS FLORIDA'S NEWEST MULTIMILLIONAIRE AFTER A $20 TICKET."
        ));
        assert!(!shouts(
            "NEW YORK (AP) — The FBI said on Monday it had found the car."
        ));
        assert!(!shouts("NASA AND ESA AGREE."));
    }
}
