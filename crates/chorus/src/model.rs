//! The data model every pipeline stage reads and extends.
//!
//! An [`Article`] is what ingest produced; [`Document`] is an article after
//! clean and segment; a story ([`StoryInput`], then
//! [`crate::prepare::Story`]) is a set of documents about one event; a
//! [`Report`] is the versioned output contract (see `docs/report.md`).

use serde::{Deserialize, Serialize};

pub(crate) mod words;

/// Version of the JSON report contract.
pub const REPORT_VERSION: u32 = 1;

/// One article as read from the input, before any cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the file stem, or the id the input gave.
    pub id: String,
    /// Headline, when the input carries one or the text starts with one.
    pub title: Option<String>,
    /// Body text, paragraphs separated by blank lines or newlines.
    pub text: String,
    /// Outlet name.
    pub source: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
    /// Publication date as given.
    pub date: Option<String>,
    /// What reading it involved that a reader should know (an encoding
    /// guessed, a feed entry with a summary only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Article {
    /// An article with an id and its text; title, outlet, address and
    /// publication date are added with the builder methods.
    ///
    /// ```
    /// let article = chorus::Article::new("wire", "Leaders met on Wednesday.")
    ///     .title("Leaders meet")
    ///     .source("Wire Service")
    ///     .url("https://example.org/wire")
    ///     .date("2023-03-16");
    /// assert_eq!(article.source.as_deref(), Some("Wire Service"));
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// With its headline.
    pub fn title(mut self, title: impl Into<String>) -> Article {
        self.title = Some(title.into());
        self
    }

    /// With the outlet that published it.
    pub fn source(mut self, source: impl Into<String>) -> Article {
        self.source = Some(source.into());
        self
    }

    /// With its canonical address.
    pub fn url(mut self, url: impl Into<String>) -> Article {
        self.url = Some(url.into());
        self
    }

    /// With its publication date as written (ISO 8601, RFC 2822 or a date
    /// such as "March 16, 2023"); relative dates in the text ("on
    /// Wednesday") are read against it.
    pub fn date(mut self, date: impl Into<String>) -> Article {
        self.date = Some(date.into());
        self
    }
}

/// A group of articles that the input says belong to one story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryInput {
    /// Story identifier (the cluster id, or the name of the folder or file).
    pub id: String,
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Reference summaries, present only in evaluation data.
    pub references: Vec<String>,
    /// Articles read loose (files, folders, article lines, stdin) rather
    /// than grouped by the input (cluster lines): they may hold several
    /// stories.
    pub loose: bool,
}

impl StoryInput {
    /// Articles that may tell several stories (files, feeds, a stream):
    /// the pipeline groups them into stories before summarizing.
    pub fn loose(id: impl Into<String>, articles: Vec<Article>) -> StoryInput {
        StoryInput {
            id: id.into(),
            articles,
            references: Vec::new(),
            loose: true,
        }
    }

    /// Articles the caller knows are one story: summarized together as
    /// they are.
    pub fn story(id: impl Into<String>, articles: Vec<Article>) -> StoryInput {
        StoryInput {
            id: id.into(),
            articles,
            references: Vec::new(),
            loose: false,
        }
    }
}

/// Why the clean stage dropped a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// "Follow us", "Share this", "Click here to join", a bare handle.
    Social,
    /// "Subscribe", "Sign up for our newsletter".
    Subscribe,
    /// "Related Article: …", "READ MORE: …".
    Related,
    /// "By Jane Doe", "Reporting by …".
    Byline,
    /// "Photo: …", "(Image credit: …)".
    Credit,
    /// The headline printed again at the top of the body.
    RepeatedHeadline,
    /// A line printed twice in the same article.
    RepeatedLine,
    /// A short heading without a verb or a final stop.
    Subhead,
    /// Advertisement or cookie/legal notices.
    Advertisement,
    /// Text of the page or the feed rather than of the article: web-archive
    /// crawl notices, embedded-post widgets, wire delivery notes.
    PageNotice,
    /// The place and agency a wire story opens with ("DENVER (AP) —"),
    /// split from the paragraph it heads.
    Dateline,
    /// A picture's caption: a paragraph signed with the photographer and
    /// the outlet ("… in Phoenix on Wednesday. (Photo: Jane Doe/The Republic)").
    Caption,
}

impl RemovalReason {
    /// The reason as written in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Social => "social",
            RemovalReason::Subscribe => "subscribe",
            RemovalReason::Related => "related",
            RemovalReason::Byline => "byline",
            RemovalReason::Credit => "credit",
            RemovalReason::RepeatedHeadline => "repeated_headline",
            RemovalReason::RepeatedLine => "repeated_line",
            RemovalReason::Subhead => "subhead",
            RemovalReason::Advertisement => "advertisement",
            RemovalReason::PageNotice => "page_notice",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Caption => "caption",
        }
    }
}

/// A line the clean stage removed, kept so that nothing is silently dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The line as written.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence text, trimmed.
    pub text: String,
    /// Index of the paragraph the sentence is in (0-based).
    pub paragraph: usize,
    /// Number of words (whitespace-separated).
    pub words: usize,
}

/// An article after clean and segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The article as ingested (its `text` is the original body).
    pub article: Article,
    /// Headline after cleaning (from the input or from the first line).
    pub title: Option<String>,
    /// Lines removed by the clean stage.
    pub removed: Vec<Removed>,
    /// Body sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// Id of the document this one reprints, when it is a near-duplicate.
    pub duplicate_of: Option<String>,
    /// Language (ISO 639-3), when it could be told.
    pub language: Option<String>,
    /// Kept out of the summary's selection (e.g. not in the brief's language).
    pub excluded: bool,
    /// What reading and processing it involved that a reader should know.
    pub notes: Vec<String>,
}

impl Document {
    /// The document id.
    pub fn id(&self) -> &str {
        &self.article.id
    }
}

/// Where a summary sentence was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRef {
    /// Index of the document in the story.
    pub document: usize,
    /// Index of the sentence in that document.
    pub sentence: usize,
}

/// The versioned JSON report (`"version": 1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Contract version.
    pub version: u32,
    /// Every input document, with what cleaning removed.
    pub documents: Vec<DocumentReport>,
    /// One entry per story.
    pub stories: Vec<StoryReport>,
}

/// A document as listed in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentReport {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date as given.
    pub date: Option<String>,
    /// Number of body sentences kept.
    pub sentences: usize,
    /// Lines removed by cleaning.
    pub removed: Vec<RemovedReport>,
    /// Id of the document this one reprints.
    pub duplicate_of: Option<String>,
    /// Language (ISO 639-3 code), when it could be told.
    pub language: Option<String>,
    /// What reading and processing it involved (encoding guessed, feed
    /// entry with a summary only, kept out of the summary and why).
    pub notes: Vec<String>,
    /// Its sentences, when the report was built for pages that show them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<String>,
}

/// A removed line as listed in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedReport {
    /// The line.
    pub text: String,
    /// The reason, e.g. `social` or `subhead`.
    pub reason: String,
}

/// One story's brief.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryReport {
    /// Story id.
    pub id: String,
    /// Headline chosen for the story.
    pub headline: String,
    /// Ids of the story's documents.
    pub documents: Vec<String>,
    /// The extractive summary.
    pub summary: Vec<SummarySentence>,
    /// Quantities, dates, times and durations compared across sources,
    /// conflicts first.
    pub facts: Vec<Fact>,
    /// Quotes grouped across sources.
    pub quotes: Vec<Quote>,
    /// People, organisations and places with their aliases.
    pub entities: Vec<Entity>,
    /// Dated events, earliest first.
    pub timeline: Vec<TimelineEvent>,
    /// What each source alone reports.
    pub unique: Vec<UniqueContent>,
    /// What a reader should know about the brief: a limit that left part
    /// of the story unread, what the compare stage inferred or could not
    /// work out (dates read against another report's date, relative dates
    /// left unresolved).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What a fact counts or dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A count, amount, share or measure.
    Quantity,
    /// A calendar date.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
}

impl FactKind {
    /// The kind as written in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Quantity => "quantity",
            FactKind::Date => "date",
            FactKind::Time => "time",
            FactKind::Duration => "duration",
        }
    }
}

/// How the sources' claims about one fact relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactStatus {
    /// At least two claims cannot all be true.
    Conflict,
    /// The figure changed over time: dated reports give a later, larger
    /// tally (claims in time order, earliest first).
    Updated,
    /// Two or more sources, all compatible given their qualifiers.
    Agreed,
    /// Stated by one source only.
    SingleSource,
}

/// The qualifier a claim puts on its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As stated.
    Exact,
    /// "about", "around", "nearly", "some".
    About,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "upwards of".
    MoreThan,
    /// "at most", "up to", "as many as".
    AtMost,
    /// "less than", "fewer than", "under".
    LessThan,
    /// "tens of thousands", "hundreds": the order of magnitude only.
    OrderOf,
}

/// Counts further apart than this factor are of different scopes (a day's
/// dead and a war's, a city's and a country's), not two counts of one
/// thing.
pub const SCOPE_FACTOR: f64 = 3.0;

/// Whether two claims' ranges of values come within `factor` of each
/// other: "hundreds" (200 to 1,000) and "2,400" do; "125" and "four" do
/// not.
pub fn within_factor(a: (f64, f64), b: (f64, f64), factor: f64) -> bool {
    let (low, high) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    if high.0 <= low.1 {
        return true;
    }
    low.1 > 0.0 && high.0 <= low.1 * factor
}

/// One thing counted or dated, with every source's claim about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Quantity, date, time or duration.
    pub kind: FactKind,
    /// What is counted or dated, e.g. "people killed".
    pub about: String,
    /// Conflict, updated, agreed or single source.
    pub status: FactStatus,
    /// The distinct claims, each with the sources that make it.
    pub claims: Vec<Claim>,
}

/// The labels a fact row gets when nothing says what its figure counts
/// or dates: the kind of figure alone (`compare::labels` builds them, and
/// "measure (in miles)" when it has a unit).
const KIND_ONLY_LABELS: [&str; 8] = [
    "figure", "amount", "date", "time", "length", "share", "age", "measure",
];

impl Fact {
    /// Whether the label says what is counted or dated, beyond the kind of
    /// figure ("people killed", "date of the floods"; not "amount", "date"
    /// or "measure (in miles)").
    pub fn label_says_what(&self) -> bool {
        let label = self.about.as_str();
        let measure_only = label.starts_with("measure (") && !label.contains(" of ");
        !(KIND_ONLY_LABELS.contains(&label) || measure_only)
    }

    /// How many distinct sources make a claim about it.
    pub fn source_count(&self) -> usize {
        let mut sources: Vec<&str> = self
            .claims
            .iter()
            .flat_map(|c| c.sources.iter().map(String::as_str))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        sources.len()
    }
}

/// One value as stated by one or more sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The value: a number; for dates the day number since 1970-01-01, for
    /// times minutes after midnight UTC, for durations seconds.
    pub value: f64,
    /// Upper end of a range ("200 to 300"), when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// What the value is counted in: "people", "%", "USD", "hour".
    pub unit: Option<String>,
    /// The qualifier.
    pub bound: Bound,
    /// The claim as written (by most of its sources).
    pub text: String,
    /// Other wordings of the same value ("About five lakh people" beside
    /// "about 500,000 people").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_written: Vec<String>,
    /// Dates and times as resolved: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `HH:MM UTC`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// Ids of the documents that make the claim.
    pub sources: Vec<String>,
}

impl Claim {
    /// Seconds in one of the claim's units: durations are kept in seconds
    /// and shown in the unit they were written in; 1 for anything else.
    pub fn unit_seconds(&self) -> f64 {
        self.unit
            .as_deref()
            .and_then(words::time_unit)
            .map_or(1.0, |(_, seconds)| seconds)
    }

    /// The wordings (the claim as written, then the others) that give the
    /// figure in words or with a scale word ("five lakh", "Rs 1,200
    /// crore"), which a reader checks against the figure shown.
    pub fn written_in_words(&self) -> Vec<&str> {
        std::iter::once(&self.text)
            .chain(&self.also_written)
            .map(String::as_str)
            .filter(|w| words::has_number_words(w))
            .collect()
    }
}

/// A quote with its wordings across outlets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Who said it, by the fullest name the sources give.
    pub speaker: Option<String>,
    /// The wording most sources use.
    pub text: String,
    /// Other outlets' wordings of the same quote.
    pub variants: Vec<QuoteVariant>,
    /// Ids of every document that carries the quote in any wording.
    pub sources: Vec<String>,
}

/// Another wording of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteVariant {
    /// The wording.
    pub text: String,
    /// Ids of the documents that use it.
    pub sources: Vec<String>,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A government body, company, agency, party.
    Organization,
    /// A country, city, region, river, building.
    Place,
    /// Named, but of no kind chorus could tell.
    Other,
}

impl EntityKind {
    /// The kind as written in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

impl Quote {
    /// The documents that use the main wording (those not listed under a
    /// variant).
    pub fn text_sources(&self) -> Vec<String> {
        self.sources
            .iter()
            .filter(|id| !self.variants.iter().any(|v| v.sources.contains(id)))
            .cloned()
            .collect()
    }
}

/// A named entity with every spelling the sources use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest name.
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: EntityKind,
    /// Other spellings and short forms found.
    pub aliases: Vec<String>,
    /// Ids of the documents that name it.
    pub sources: Vec<String>,
    /// Number of mentions across all documents.
    pub mentions: usize,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// The sentence that dates it.
    pub text: String,
    /// Ids of the documents that date this event so.
    pub sources: Vec<String>,
    /// How the date was found: written in full by a report, or a relative
    /// date and what it was read against.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how: String,
}

/// The sentences only one source carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniqueContent {
    /// Document id.
    pub document: String,
    /// Its sentences that no other source states.
    pub sentences: Vec<String>,
}

/// A summary sentence with every source that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// The sentence as written in the document it was taken from.
    pub text: String,
    /// Ids of every document that states it or a close paraphrase.
    pub sources: Vec<String>,
    /// Where it was taken from.
    pub from: FromRef,
    /// For each source, in the order of `sources`, its sentence that states it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<FromRef>,
}

/// The document and sentence index a summary sentence was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FromRef {
    /// Document id.
    pub document: String,
    /// Sentence index in that document (0-based).
    pub sentence: usize,
}
