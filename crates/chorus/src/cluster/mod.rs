//! Cluster: group loose articles into stories that are events.
//!
//! Each article becomes a tf-idf vector over its content words (headline
//! words count double; the body is read up to its first 2,000 words; the
//! 150 heaviest terms are kept), with its particulars beside it: the
//! names its body capitalises where no sentence starts ([`article_terms`]). An
//! inverted index over each article's 30 heaviest terms finds the earlier
//! articles it shares them with; the [`NEIGHBOURS`] with the most shared
//! weight are compared in full ([`Linker`]). Then average-link agglomeration
//! merges the two stories whose articles are most similar on average
//! until no two reach [`JOIN_SIMILARITY`] — unless the pair is far less
//! alike than each story is within itself, or two big stories each have
//! particulars the other never mentions: two earthquakes, two shootings
//! ([`agglomerate`]). Average link, unlike a running centroid, neither
//! drifts with input order nor chains unrelated stories through one
//! bridging article. The result is deterministic.
//!
//! The cost per article does not grow with the stream: each term's
//! postings keep only its latest [`POSTINGS_WINDOW`] articles (a window in
//! arrival order), and an article is compared in full with at most
//! [`NEIGHBOURS`] others. Articles are read one at a time ([`Clusterer`]);
//! only their vectors and particulars are kept. Document frequencies come
//! from the whole batch up to [`WARM_UP`] articles, then from the stream
//! seen so far.
//!
//! A lone article in another language than the rest shares no words with
//! its story; it joins the story holding at least three of its names (see
//! `foreign`).
//!
//! Publication dates keep apart articles more than [`MAX_DAYS_APART`] days
//! apart (a story that runs longer is a topic, not an event); within that
//! they do not weigh: every penalty tried for pairs 7, 30, 90 or 365 days
//! apart cost BCubed F1 on DUC 2006, whose topics are followed for years.

pub mod agglomerate;
mod foreign;
mod link;
mod read;

use chrono::Datelike;
use rustc_hash::FxHashMap;

use crate::model::{Article, StoryInput};
use crate::prepare::terms::{TermId, Vocab};

pub use agglomerate::{Agglomerated, Item, JOIN_SIMILARITY};
pub use foreign::{SHARED_NAMES, attach_foreign};
pub use link::{Linker, MAX_DAYS_APART, NEIGHBOURS, POSTINGS_WINDOW, Vector};
pub use read::{ArticleTerms, IDF_POWER, article_terms, tf_idf};

/// Terms kept per article vector (the heaviest).
pub const ARTICLE_TERMS: usize = 150;
/// A name more than this share of the articles carry is no particular of
/// any one event ("U.S.", a wire service's name)...
pub const COMMON_NAME_SHARE: f32 = 0.05;
/// ...unless it is in no more than this many: in a small batch two stories
/// big enough to be compared by their particulars would otherwise have
/// none.
pub const UNCOMMON_NAME_ARTICLES: f32 = 2.0 * agglomerate::PARTICULAR_STORY as f32;

/// Whether a name found in `documents` of `articles` is common (see
/// [`COMMON_NAME_SHARE`]).
pub fn common_name(documents: f32, articles: f32) -> bool {
    documents > (COMMON_NAME_SHARE * articles).max(UNCOMMON_NAME_ARTICLES)
}

/// A story found by clustering, as `chorus cluster` reports it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoryGroup {
    /// `story-1`, `story-2`, … biggest first.
    pub id: String,
    /// The headline of its first article (or that article's opening words).
    pub headline: String,
    /// Ids of its articles, in input order.
    pub documents: Vec<String>,
}

/// Names groups of articles (given by index into `labels`, each an id
/// and a headline) `story-1`, `story-2`, … biggest first; a story is
/// headed by its first article's headline.
pub fn name_stories(mut groups: Vec<Vec<usize>>, labels: &[(String, String)]) -> Vec<StoryGroup> {
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
        .iter()
        .enumerate()
        .map(|(n, members)| StoryGroup {
            id: format!("story-{}", n + 1),
            headline: labels[members[0]].1.clone(),
            documents: members.iter().map(|&m| labels[m].0.clone()).collect(),
        })
        .collect()
}

/// An article's headline, or its opening words when it has none.
pub fn headline(article: &Article) -> String {
    article.title.clone().unwrap_or_else(|| {
        article
            .text
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Splits loose articles into stories, biggest first: `{id}` when they
/// make one story, else `{id}-1`, `{id}-2`, …
pub(crate) fn split_loose(input: StoryInput, vocab: &mut Vocab) -> Vec<StoryInput> {
    if !input.loose || input.articles.len() < 2 {
        return vec![input];
    }
    let mut groups = cluster(&input.articles, vocab);
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    if groups.len() == 1 {
        return vec![input];
    }
    let mut slots: Vec<Option<Article>> = input.articles.into_iter().map(Some).collect();
    groups
        .iter()
        .enumerate()
        .map(|(n, members)| StoryInput {
            id: format!("{}-{}", input.id, n + 1),
            articles: members.iter().filter_map(|&m| slots[m].take()).collect(),
            references: Vec::new(),
            loose: true,
        })
        .collect()
}

/// Groups `articles` into stories; returns the members of each story, in
/// order of their first article, members in input order.
pub fn cluster(articles: &[Article], vocab: &mut Vocab) -> Vec<Vec<usize>> {
    let mut clusterer = Clusterer::new(vocab);
    for article in articles {
        clusterer.add(article);
    }
    clusterer.finish()
}

/// Articles counted before the first is weighed: up to this many, idf is
/// the whole batch's.
pub const WARM_UP: usize = 5_000;

/// An article counted but not yet weighed.
struct Counted {
    tf: Vec<(TermId, f32)>,
    particulars: Vec<TermId>,
    day: Option<i64>,
}

/// Clusters a stream of articles read one at a time, keeping only their
/// vectors and particulars; [`Clusterer::finish`] gives the stories.
pub struct Clusterer<'v> {
    vocab: &'v mut Vocab,
    documents: FxHashMap<TermId, u32>,
    counted: usize,
    waiting: Vec<Counted>,
    linker: Linker,
    /// Articles not in English, with the terms of their capitalised names.
    foreign: Vec<(u32, Vec<TermId>)>,
}

impl<'v> Clusterer<'v> {
    /// An empty clusterer interning words in `vocab`.
    pub fn new(vocab: &'v mut Vocab) -> Self {
        Clusterer {
            vocab,
            documents: FxHashMap::default(),
            counted: 0,
            waiting: Vec::new(),
            linker: Linker::new(),
            foreign: Vec::new(),
        }
    }

    /// Adds the next article of the stream.
    pub fn add(&mut self, article: &Article) {
        let ArticleTerms {
            terms: tf,
            particulars,
            foreign_names,
        } = article_terms(article, self.vocab);
        if let Some(names) = foreign_names {
            self.foreign.push((self.counted as u32, names));
        }
        for &(t, _) in &tf {
            *self.documents.entry(t).or_default() += 1;
        }
        self.counted += 1;
        let day = article
            .date
            .as_deref()
            .and_then(crate::ingest::publication_date)
            .map(|d| i64::from(d.num_days_from_ce()));
        self.waiting.push(Counted {
            tf,
            particulars,
            day,
        });
        if self.counted > WARM_UP {
            self.weigh_waiting();
        }
    }

    /// The stories: members of each, in order of their first article,
    /// members in input order.
    pub fn finish(mut self) -> Vec<Vec<usize>> {
        self.weigh_waiting();
        let articles = self.counted as f32;
        let documents = &self.documents;
        let mut groups: Vec<Vec<usize>> = self
            .linker
            .finish(|t| {
                documents
                    .get(&t)
                    .is_some_and(|&n| !common_name(n as f32, articles))
            })
            .into_iter()
            .map(|story| story.members)
            .collect();
        foreign::attach_foreign(&mut groups, &self.foreign, self.linker.vectors());
        groups
    }

    fn weigh_waiting(&mut self) {
        for counted in std::mem::take(&mut self.waiting) {
            let vector = self.weigh(counted.tf);
            self.linker.add(vector, counted.day, &counted.particulars);
        }
    }

    /// A unit tf-idf vector, heaviest terms first.
    fn weigh(&self, tf: Vec<(TermId, f32)>) -> Vector {
        let n = self.counted as f32;
        let mut vector: Vector = tf
            .into_iter()
            .map(|(t, f)| {
                let df = self.documents.get(&t).copied().unwrap_or(1) as f32;
                (t, tf_idf(f, df, n))
            })
            .collect();
        vector.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        vector.truncate(ARTICLE_TERMS);
        // Kept for the whole run: without this, each keeps the capacity of
        // all its article's distinct words (60 MiB more at 100,000 articles).
        vector.shrink_to_fit();
        let norm = vector.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|x| x.1 /= norm);
        }
        vector
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: Some(title.into()),
            text: text.into(),
            ..Article::default()
        }
    }

    #[test]
    fn groups_by_event() {
        let articles = [
            article(
                "a",
                "Flood hits river valley",
                "Floods on the Serin River displaced thousands of villagers on Monday as the dam overflowed.",
            ),
            article(
                "b",
                "Election results announced",
                "The electoral commission announced the parliamentary election results, with the ruling party losing its majority.",
            ),
            article(
                "c",
                "Serin valley floods",
                "Thousands of villagers were displaced after the Serin River dam overflowed and floods swept the valley.",
            ),
            article(
                "d",
                "Ruling party loses majority",
                "The ruling party lost its parliamentary majority, the electoral commission said as results were announced.",
            ),
        ];
        let mut vocab = Vocab::new();
        assert_eq!(cluster(&articles, &mut vocab), [vec![0, 2], vec![1, 3]]);
    }

    /// Six reports each of two earthquakes: the words of an earthquake
    /// are shared, the places, people and agencies are not.
    fn two_earthquakes() -> Vec<Article> {
        let sentences = [
            "A strong earthquake struck near {place} on Tuesday, shaking buildings and sending residents into the streets.",
            "The quake was felt across {region}, the {agency} said, and rescue teams searched damaged homes.",
            "{official} told reporters that schools would stay closed while engineers inspected bridges and roads.",
            "Aftershocks rattled {place} through the night as families slept outdoors in parks.",
            "Hospitals in {region} treated people for cuts and bruises, and power was cut to thousands of homes.",
            "{official} said the {agency} would publish a full account of the damage within days.",
        ];
        let events = [
            (
                "Chino Hills",
                "Southern California",
                "Geological Survey",
                "Mayor Antonio Villaraigosa",
            ),
            (
                "Padang",
                "West Sumatra",
                "Meteorology Agency",
                "Governor Gamawan Fauzi",
            ),
        ];
        let mut articles = Vec::new();
        for (e, (place, region, agency, official)) in events.iter().enumerate() {
            for n in 0..6 {
                // Each report tells five of the six sentences, in its own order.
                let text: Vec<String> = (0..6)
                    .filter(|&i| i != n)
                    .map(|i| sentences[(i + n) % 6])
                    .map(|s| {
                        s.replace("{place}", place)
                            .replace("{region}", region)
                            .replace("{agency}", agency)
                            .replace("{official}", official)
                    })
                    .collect();
                articles.push(Article {
                    id: format!("quake-{e}-{n}"),
                    text: text.join(" "),
                    ..Article::default()
                });
            }
        }
        articles
    }

    #[test]
    fn tells_two_events_of_one_kind_apart() {
        let articles = two_earthquakes();
        let groups = cluster(&articles, &mut Vocab::new());
        assert_eq!(
            groups,
            [(0..6).collect::<Vec<_>>(), (6..12).collect::<Vec<_>>()]
        );
    }

    #[test]
    fn every_odd_article_is_placed_once() {
        let mut articles = vec![
            article("empty", "", ""),
            article("one-word", "", "Earthquake"),
            article("notice", "", "Follow us on Twitter. Share this article."),
            article("dated-absurdly", "Quake", "A quake struck."),
        ];
        articles[3].date = Some("99999-99-99".into());
        articles.push(article("twin-a", "Same", "The same text told twice."));
        articles.push(article("twin-b", "Same", "The same text told twice."));
        articles.extend(two_earthquakes());
        let groups = cluster(&articles, &mut Vocab::new());
        let mut placed: Vec<usize> = groups.iter().flatten().copied().collect();
        placed.sort_unstable();
        assert_eq!(placed, (0..articles.len()).collect::<Vec<_>>());
        // Identical texts are one story.
        assert!(groups.iter().any(|g| g.contains(&4) && g.contains(&5)));
    }
}
