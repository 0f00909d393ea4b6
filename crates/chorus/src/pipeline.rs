//! The one place the stages are wired together: articles in, a report out.
//!
//! Every caller — the command line, the store, the server, evaluation and
//! the benchmarks — builds its briefs through [`Pipeline`], so a brief made
//! by `chorus summarize`, one kept in a store and one scored by
//! `chorus eval` are made the same way.

use chrono::NaiveDate;

use crate::attribute::attribute;
use crate::cluster;
use crate::compare::{Comparison, compare};
use crate::model::{Article, Report, SentenceRef, StoryInput, StoryReport};
use crate::prepare::terms::Vocab;
use crate::prepare::{Story, StoryLimits};
use crate::report;
use crate::summarize::{Budget, Known, System, Weights, summarize_after};

/// How much a brief holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    /// The summary and its sources only.
    Summary,
    /// The summary and the compare stage's sections.
    Compare,
    /// Both, and every document's sentences (for pages that show them).
    Pages,
}

/// Builds briefs: splits loose articles into stories, prepares each
/// (clean, segment, index, reprints, languages), summarizes it, finds
/// every source of each summary sentence, compares what the sources say
/// and assembles the versioned [`Report`].
///
/// A pipeline keeps the vocabulary it has interned (every word's stem),
/// so a long-running process that reuses one pays for stemming a word
/// once. Options are set with the builder methods:
///
/// ```
/// use chorus::{Detail, Pipeline, System};
///
/// let mut pipeline = Pipeline::new()
///     .words(100)
///     .system(System::LexRank)
///     .detail(Detail::Summary);
/// let report = pipeline.brief("empty", Vec::new());
/// assert!(report.stories.iter().all(|s| s.facts.is_empty()));
/// ```
pub struct Pipeline {
    system: System,
    budget: Budget,
    detail: Detail,
    weights: Weights,
    limits: StoryLimits,
    known: Known,
    vocab: Vocab,
    today: Option<NaiveDate>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The vocabulary is a cache of stems, thousands of entries long.
        f.debug_struct("Pipeline")
            .field("system", &self.system)
            .field("budget", &self.budget)
            .field("detail", &self.detail)
            .field("weights", &self.weights)
            .field("limits", &self.limits)
            .field("earlier_documents", &self.known.documents())
            .finish_non_exhaustive()
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    /// Words in a brief unless [`Pipeline::words`] says otherwise.
    pub const DEFAULT_WORDS: usize = 150;

    /// chorus's own summarizer with its shipped weights, briefs of at most
    /// [`Pipeline::DEFAULT_WORDS`] words, with the compare stage.
    pub fn new() -> Pipeline {
        Pipeline {
            system: System::Chorus,
            budget: Budget::within(Pipeline::DEFAULT_WORDS),
            detail: Detail::Compare,
            weights: Weights::default(),
            limits: StoryLimits::default(),
            known: Known::default(),
            vocab: Vocab::new(),
            today: None,
        }
    }

    /// Reads the day as `today` instead of the system clock's: without any
    /// publication date, a day and month the reports give is placed in the
    /// latest year up to today in which it falls on the weekday they give.
    pub fn today(mut self, today: NaiveDate) -> Pipeline {
        self.today = Some(today);
        self
    }

    /// Briefs of whole sentences within `words` words.
    pub fn words(self, words: usize) -> Pipeline {
        self.budget(Budget::within(words))
    }

    /// Briefs within `budget` (evaluation lets the last sentence run past
    /// the word count, see [`Budget::overflow`]).
    pub fn budget(mut self, budget: Budget) -> Pipeline {
        self.budget = budget;
        self
    }

    /// Summarizes with `system`: chorus's scorer or a baseline.
    pub fn system(mut self, system: System) -> Pipeline {
        self.system = system;
        self
    }

    /// How much each brief holds.
    pub fn detail(mut self, detail: Detail) -> Pipeline {
        self.detail = detail;
        self
    }

    /// Scores sentences with `weights` instead of the shipped ones (as
    /// `chorus train --out` writes them); only [`System::Chorus`] uses them.
    pub fn weights(mut self, weights: Weights) -> Pipeline {
        self.weights = weights;
        self
    }

    /// Reads no more of each story than `limits` allow (the defaults,
    /// [`StoryLimits::default`], are well above what real stories hold);
    /// what is left unread is noted on the document and the story.
    pub fn limits(mut self, limits: StoryLimits) -> Pipeline {
        self.limits = limits;
        self
    }

    /// Briefs of what is new: the reader has seen `earlier` (articles of
    /// the same stories, read before), so chorus's summarizer prefers what
    /// they did not say. Every summary sentence still cites every new
    /// article that states it; the earlier ones are context, not sources.
    pub fn after(mut self, earlier: Vec<Article>) -> Pipeline {
        self.known = self.known(earlier);
        self
    }

    /// What `earlier` articles say, as [`Pipeline::choose_after`] reads it.
    pub fn known(&mut self, earlier: Vec<Article>) -> Known {
        if earlier.is_empty() {
            return Known::default();
        }
        let story = self.prepare(StoryInput::story("earlier", earlier));
        Known::from_story(&story)
    }

    /// The vocabulary the pipeline has interned so far, for callers that
    /// count terms of their own (clustering into a store, ROUGE).
    pub fn vocab(&mut self) -> &mut Vocab {
        &mut self.vocab
    }

    /// One report for loose articles: they are grouped into stories
    /// (`{id}` when they tell one story, else `{id}-1`, `{id}-2`, … biggest
    /// first) and each story gets its brief.
    pub fn brief(&mut self, id: &str, articles: Vec<Article>) -> Report {
        self.brief_stories(vec![StoryInput::loose(id, articles)])
    }

    /// One report for stories as the input groups them; a story read loose
    /// ([`StoryInput::loose`]) is first split into the stories it holds.
    pub fn brief_stories(&mut self, stories: Vec<StoryInput>) -> Report {
        let stories: Vec<StoryInput> = stories
            .into_iter()
            .flat_map(|story| cluster::split_loose(story, &mut self.vocab))
            .collect();
        let prepared: Vec<Story> = stories.into_iter().map(|s| self.prepare(s)).collect();
        let sections = prepared
            .iter()
            .map(|story| {
                let chosen = self.choose(story);
                self.section(story, &chosen)
            })
            .collect();
        let mut report = report::report(&prepared, sections);
        if self.detail == Detail::Pages {
            report::attach_sentences(&mut report, &prepared);
        }
        report
    }

    /// Prepares one story as it is (no splitting): cleaned, segmented,
    /// indexed, reprints and other-language documents marked, within the
    /// pipeline's [`StoryLimits`].
    pub fn prepare(&mut self, input: StoryInput) -> Story {
        Story::prepare_within(input, &mut self.vocab, &self.limits)
    }

    /// The sentences the pipeline's summarizer chooses for `story`, in
    /// reading order.
    pub fn choose(&self, story: &Story) -> Vec<SentenceRef> {
        self.choose_after(story, &self.known)
    }

    /// The sentences chosen for `story` when the reader knows `known`
    /// (see [`Pipeline::after`]); the baselines ignore it.
    pub fn choose_after(&self, story: &Story, known: &Known) -> Vec<SentenceRef> {
        match self.system {
            System::Chorus => summarize_after(story, self.budget, &self.weights, known),
            baseline => baseline.summarize(story, self.budget),
        }
    }

    /// What the compare stage finds in `story`: facts, quotes, entities,
    /// timeline and each source's own sentences.
    pub fn compare(&self, story: &Story) -> Comparison {
        compare(story, self.today.or_else(crate::scan::dates::today))
    }

    /// The report section of `story` with `chosen` as its summary: every
    /// source of each sentence, and (from [`Detail::Compare`]) the compare
    /// stage's sections.
    pub fn section(&self, story: &Story, chosen: &[SentenceRef]) -> StoryReport {
        let sources = attribute(&story.index, chosen);
        let comparison = (self.detail >= Detail::Compare).then(|| self.compare(story));
        report::story_report(story, chosen, &sources, comparison)
    }
}
