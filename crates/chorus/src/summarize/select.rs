//! Global selection: the set of sentences that best covers what the story's
//! sources say, within the word budget.
//!
//! A story's *concepts* are its pairs of adjacent terms (ROUGE-2's unit;
//! pairs of two function words left out). Each concept gets a weight, a
//! linear model over how many outlets state it, how early and in how good
//! sentences it comes, and whether earlier articles already said it —
//! fitted by `chorus train` to the share of reference summaries that hold
//! the concept, so a concept's weight estimates how likely a reader's
//! summary is to say it. The brief maximises
//!
//! ```text
//! F(S) = Σ_{c covered by S} w_c  +  λ · Σ_{i ∈ S} max(0, score_i) · words_i
//! ```
//!
//! (the second term is the sentence scorer's view of each sentence, so
//! that a sentence the scorer distrusts — a question, a dangling opener —
//! does not win on its words alone). A concept counts once however many
//! chosen sentences hold it, so saying a thing twice gains nothing: the
//! objective handles redundancy, not only the pairwise paraphrase filter
//! the greedy applies as well. [`Objective::repeat_penalty`] goes further
//! and makes a repeat cost something.
//!
//! A fact is told once. Beside the concepts it covers, the brief's state
//! holds the facts it tells — each figure as the quantity scanner reads it
//! ("half a million", "500,000" and "five lakh" are one value), with what
//! it counts and the event it counts — and a sentence that tells one of
//! them again is no longer a candidate, however its words differ from the
//! sentence that told it first.
//!
//! Without the repeat penalty `F` is monotone submodular (coverage with
//! non-negative weights plus a non-negative modular term), so the
//! cost-scaled greedy of Lin & Bilmes
//! (2010) — repeatedly take the sentence with the best gain per
//! `words^r`, then keep the better of that set and the best single
//! sentence — is within a constant factor of the optimum under the budget
//! ((1 − 1/√e) for `r = 1`, after Khuller, Moss & Naor 1999; the pairwise
//! tests and the facts told, which pass over restatements, narrow the
//! candidates as it goes, so the bound is over what they leave). Gains only
//! fall as sentences are chosen, so stale gains are upper bounds and the
//! greedy is evaluated lazily (Minoux 1978): each step re-scores only the
//! sentences that reach the top of the heap.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use super::page_junk::is_page_junk;
use super::{Budget, MAX_SENTENCE_WORDS, MIN_SENTENCE_WORDS, Story};
use crate::ingest::publication_date;
use crate::model::words::{is_number_word, scale_word, time_unit};
use crate::model::{FactKind, SCOPE_FACTOR, within_factor};
use crate::prepare::index::{Concept, StoryIndex};
use crate::prepare::terms::TermId;
use crate::scan::lexicon;
use crate::scan::quantity::{Quantity, event_near, names_a_known_set, quantities};
use crate::scan::tokens::{Token, TokenKind, tokenize};

/// Names of the concept features, in vector order (also the keys of the
/// `"concepts"` object of the weights file).
pub const CONCEPT_FEATURE_NAMES: [&str; 13] = [
    "bias",
    "support",
    "documents",
    "sentences",
    "lead",
    "first",
    "best_sentence",
    "mean_sentence",
    "earlier",
    "earlier_share",
    "support_many_docs",
    "update_first",
    "update_lead",
];

/// One concept's feature vector.
pub type ConceptFeatures = [f32; CONCEPT_FEATURE_NAMES.len()];

/// How the objective weighs its two parts and sentence lengths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Objective {
    /// `λ`: the weight of the sentence scorer's term against concept coverage.
    pub sentence_weight: f32,
    /// `r`: gains are divided by `words^r` when ranking candidates (1 is
    /// gain per word; lower favours longer sentences).
    pub cost_exponent: f32,
    /// What a concept the earlier articles already state is worth, as a
    /// share of its weight (update briefs; 1 ignores what is known).
    pub known_factor: f32,
    /// What telling a concept again costs, as a share of its weight: a
    /// sentence's gain loses this much of the weight of its concepts the
    /// brief already covers (0 makes repeats merely worthless).
    pub repeat_penalty: f32,
}

/// What earlier articles of a story already said: the concepts they hold
/// and in how many of them each occurs, and the words of each of their
/// sentences. An update brief weighs a concept by whether it is new, and
/// takes a sentence the earlier articles already told only as a last
/// resort.
#[derive(Debug, Clone, Default)]
pub struct Known {
    documents: u32,
    concepts: FxHashMap<Concept, u32>,
    sentences: Vec<KnownSentence>,
    /// Earlier sentences by content word.
    postings: FxHashMap<TermId, Vec<u32>>,
}

/// One earlier sentence's content words (figures aside) and figures, as
/// the vocabulary's ids, sorted.
#[derive(Debug, Clone, Default)]
struct KnownSentence {
    words: Vec<TermId>,
    figures: Vec<TermId>,
}

/// Share of a new sentence's content words (figures aside) one earlier
/// sentence must hold for the new one to retell it: as high as the
/// paraphrase test's containment, since a report often restates an
/// earlier one's sentence with a word or two of its own ("…, officials
/// said"). 0.5 and 0.65 were no better (docs/experiments.md).
const KNOWN_CONTAINMENT: f32 = 0.8;

impl Known {
    /// What `story`'s documents say: their concepts (reprints counted
    /// once, as the index counts them) and the words of each of their
    /// sentences.
    pub fn from_story(story: &Story) -> Known {
        let mut known = Known::default();
        let index = &story.index;
        for (doc, document) in story.documents.iter().enumerate() {
            if document.duplicate_of.is_some() {
                continue;
            }
            known.documents += 1;
            let mut concepts: Vec<Concept> = index.sentences
                [index.doc_starts[doc]..index.doc_starts[doc + 1]]
                .iter()
                .flat_map(|s| s.concepts.iter().copied())
                .collect();
            concepts.sort_unstable();
            concepts.dedup();
            for c in concepts {
                *known.concepts.entry(c).or_insert(0) += 1;
            }
            for i in index.doc_starts[doc]..index.doc_starts[doc + 1] {
                let (words, figures) = vocab_words(index, i);
                if words.len() >= TOLD_MIN_WORDS {
                    known.add_sentence(KnownSentence { words, figures });
                }
            }
        }
        known
    }

    fn add_sentence(&mut self, sentence: KnownSentence) {
        let id = self.sentences.len() as u32;
        for &w in &sentence.words {
            self.postings.entry(w).or_default().push(id);
        }
        self.sentences.push(sentence);
    }

    /// Adds what `other` knows (several earlier stories, one context).
    pub fn extend(&mut self, other: Known) {
        self.documents += other.documents;
        for (c, n) in other.concepts {
            *self.concepts.entry(c).or_insert(0) += n;
        }
        for sentence in other.sentences {
            self.add_sentence(sentence);
        }
    }

    /// Whether sentence `i` of `index` (prepared with the same vocabulary)
    /// retells an earlier sentence: one earlier sentence holds most of its
    /// content words and every figure it gives (a new figure may be the
    /// update: "the toll rose to 300").
    pub fn retells(&self, index: &StoryIndex, i: usize) -> bool {
        if self.sentences.is_empty() {
            return false;
        }
        let (mut words, figures) = vocab_words(index, i);
        if words.len() < TOLD_MIN_WORDS {
            return false;
        }
        let needed = KNOWN_CONTAINMENT * words.len() as f32;
        // An earlier sentence that holds 80% of the words misses at most
        // 20% of them, so it holds one of the rarest fifth and one more:
        // only their postings are read (the story's own words, in most
        // earlier sentences, are not), and each candidate is counted out.
        let postings = |w: &TermId| self.postings.get(w).map_or(&[][..], Vec::as_slice);
        words.sort_by_key(|w| postings(w).len());
        // (One word more than needed, against rounding.)
        let missable = ((1.0 - KNOWN_CONTAINMENT) * words.len() as f32) as usize;
        let mut candidates: Vec<u32> = words[..(missable + 2).min(words.len())]
            .iter()
            .flat_map(|w| postings(w).iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into_iter().any(|k| {
            let earlier = &self.sentences[k as usize];
            let shared = words
                .iter()
                .filter(|w| earlier.words.binary_search(w).is_ok())
                .count();
            shared as f32 >= needed
                && figures
                    .iter()
                    .all(|f| earlier.figures.binary_search(f).is_ok())
        })
    }

    /// Number of earlier documents.
    pub fn documents(&self) -> usize {
        self.documents as usize
    }

    /// Whether nothing is known (a first brief).
    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }
}

/// Sentence `i`'s content words (figures aside) and its figures, as the
/// vocabulary's ids, sorted.
fn vocab_words(index: &StoryIndex, i: usize) -> (Vec<TermId>, Vec<TermId>) {
    let sentence = &index.sentences[i];
    let mut words = Vec::with_capacity(sentence.content.len());
    let mut figures = Vec::with_capacity(sentence.figures.len());
    for &t in &sentence.content {
        let global = index.vocab_ids[t as usize];
        if sentence.figures.binary_search(&t).is_ok() {
            figures.push(global);
        } else {
            words.push(global);
        }
    }
    words.sort_unstable();
    figures.sort_unstable();
    (words, figures)
}

/// A story's concepts numbered locally, with each sentence's list.
#[derive(Debug, Clone, Default)]
pub struct StoryConcepts {
    /// The concept key of each local concept.
    pub keys: Vec<Concept>,
    /// Per sentence (flat order), its local concepts, sorted.
    pub of_sentence: Vec<Vec<u32>>,
    /// Per local concept, its features.
    pub features: Vec<ConceptFeatures>,
    /// Per local concept, whether earlier articles state it.
    pub known: Vec<bool>,
}

/// Numbers `story`'s concepts and computes their features; `scores` are
/// the sentence scorer's scores (flat order), `known` what earlier
/// articles said.
pub fn concepts(story: &Story, scores: &[f32], known: &Known) -> StoryConcepts {
    let index = &story.index;
    let mut local: FxHashMap<Concept, u32> = FxHashMap::default();
    let mut keys = Vec::new();
    let mut of_sentence = Vec::with_capacity(index.sentences.len());
    // Per concept: documents, the last document seen, sentences, best lead,
    // in a first sentence, best and summed sentence score.
    let mut stats: Vec<Stats> = Vec::new();
    for (i, sentence) in index.sentences.iter().enumerate() {
        let doc = sentence.doc;
        let counted = story.documents[doc].duplicate_of.is_none();
        let lead = 1.0 / (1.0 + sentence.position as f32);
        let score = scores.get(i).copied().unwrap_or(0.0);
        let mut ids = Vec::with_capacity(sentence.concepts.len());
        for &c in &sentence.concepts {
            let next = keys.len() as u32;
            let id = *local.entry(c).or_insert(next);
            if id == next {
                keys.push(c);
                stats.push(Stats::default());
            }
            let s = &mut stats[id as usize];
            if counted && s.last_doc != Some(doc) {
                s.last_doc = Some(doc);
                s.documents += 1;
            }
            s.sentences += 1;
            s.lead = s.lead.max(lead);
            s.first |= sentence.position == 0;
            s.best = if s.sentences == 1 {
                score
            } else {
                s.best.max(score)
            };
            s.total += score;
            ids.push(id);
        }
        ids.sort_unstable();
        of_sentence.push(ids);
    }
    let outlets = story
        .documents
        .iter()
        .filter(|d| d.duplicate_of.is_none())
        .count();
    let other_docs = outlets.saturating_sub(1).max(1) as f32;
    let many_docs = ((outlets as f32 - 1.0) / 10.0).clamp(0.0, 1.0);
    let earlier_docs = known.documents.max(1) as f32;
    let update = !known.is_empty();
    let features = keys
        .iter()
        .zip(&stats)
        .map(|(key, s)| {
            let earlier = known.concepts.get(key).copied().unwrap_or(0);
            let support = s.documents.saturating_sub(1) as f32 / other_docs;
            [
                1.0,
                support,
                (s.documents.max(1) as f32).ln(),
                (s.sentences.max(1) as f32).ln(),
                s.lead,
                if s.first { 1.0 } else { 0.0 },
                s.best,
                s.total / s.sentences.max(1) as f32,
                if earlier > 0 { 1.0 } else { 0.0 },
                earlier as f32 / earlier_docs,
                support * many_docs,
                // How much a concept's place in the articles matters is
                // fitted apart for updates (the earlier articles told the
                // background, and an update's leads differ from a first
                // brief's): the lead features again, for updates only.
                if update && s.first { 1.0 } else { 0.0 },
                if update { s.lead } else { 0.0 },
            ]
        })
        .collect();
    let known = keys
        .iter()
        .map(|k| known.concepts.contains_key(k))
        .collect();
    StoryConcepts {
        keys,
        of_sentence,
        features,
        known,
    }
}

#[derive(Debug, Clone, Default)]
struct Stats {
    documents: u32,
    last_doc: Option<usize>,
    sentences: u32,
    lead: f32,
    first: bool,
    best: f32,
    total: f32,
}

/// A candidate on the greedy's heap: its gain per `words^r` when last
/// computed (an upper bound on its gain now), ties broken by sentence
/// score and then by position in the story. A last resort ranks below
/// every other candidate, whatever its gain.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    last_resort: bool,
    ratio: f32,
    score: f32,
    sentence: usize,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .last_resort
            .cmp(&self.last_resort)
            .then(self.ratio.total_cmp(&other.ratio))
            .then(self.score.total_cmp(&other.score))
            .then(other.sentence.cmp(&self.sentence))
    }
}

/// What the greedy reads for one story.
pub struct Problem<'a> {
    /// The story (its index gives lengths and paraphrase tests; its
    /// sentences' text, the figures they give).
    pub story: &'a Story,
    /// Per sentence, its local concepts.
    pub concepts: &'a [Vec<u32>],
    /// Per local concept, its weight (negative weights count as zero).
    pub weights: &'a [f32],
    /// Per sentence, the scorer's score.
    pub scores: &'a [f32],
    /// Per sentence, whether it may be chosen at all.
    pub selectable: &'a [bool],
    /// Per sentence, whether it is taken only when no other candidate is
    /// left (it leans on a sentence the reader may not see: "But …").
    /// Forbidding such sentences left briefs short when a story has
    /// little else to say; taking them on their gain made briefs read
    /// out of order.
    pub last_resort: &'a [bool],
}

/// Chooses sentences for the budget by the cost-scaled lazy greedy, then
/// keeps the better of that set and the best single sentence. Sentences
/// that paraphrase or are contained in a chosen one are passed over.
/// Returns flat sentence indices in the order chosen.
pub fn greedy(problem: &Problem, budget: Budget, objective: Objective) -> Vec<usize> {
    let index = &problem.story.index;
    let mut claims = Claims::new(problem.story);
    let n = index.sentences.len();
    let modular = |i: usize| {
        objective.sentence_weight * problem.scores[i].max(0.0) * index.sentences[i].words as f32
    };
    let mut covered = vec![false; problem.weights.len()];
    let gain = |i: usize, covered: &[bool]| -> f32 {
        let (mut new, mut again) = (0.0, 0.0);
        for &c in &problem.concepts[i] {
            let weight = problem.weights[c as usize].max(0.0);
            if covered[c as usize] {
                again += weight;
            } else {
                new += weight;
            }
        }
        new - objective.repeat_penalty * again + modular(i)
    };
    let cost = |i: usize| (index.sentences[i].words.max(1) as f32).powf(objective.cost_exponent);
    let fits_alone = |i: usize| budget.overflow || index.sentences[i].words <= budget.words;
    // Tested only on sentences about to be taken: most never are.
    let junk = |i: usize| is_page_junk(sentence_text(problem.story, i));
    let mut heap = BinaryHeap::with_capacity(n);
    let mut best_single: Option<(f32, usize)> = None;
    for i in 0..n {
        let words = index.sentences[i].words;
        if !problem.selectable[i] || !(MIN_SENTENCE_WORDS..=MAX_SENTENCE_WORDS).contains(&words) {
            continue;
        }
        let value = gain(i, &covered);
        let last_resort = problem.last_resort[i];
        if fits_alone(i) && !last_resort && best_single.is_none_or(|(v, _)| value > v) && !junk(i) {
            best_single = Some((value, i));
        }
        heap.push(Candidate {
            last_resort,
            ratio: value / cost(i),
            score: problem.scores[i],
            sentence: i,
        });
    }
    let mut chosen = Vec::new();
    let mut total = 0.0;
    let mut used = 0;
    // The facts the brief tells so far: part of the objective's state, as
    // the covered concepts are.
    let mut told: Vec<Figure> = Vec::new();
    // And the content words it tells: a sentence whose words the brief
    // already holds, spread over several of its sentences or spelt
    // another way in one ("Türkiye … offered to mediate between the
    // neighbours", "Turkey has offered to mediate between the two
    // neighbours"), tells nothing new.
    let mut told_words = vec![false; index.doc_freq.len()];
    let mut blocked = vec![false; n];
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    while let Some(top) = heap.pop() {
        if used >= budget.words {
            break;
        }
        let i = top.sentence;
        let words = index.sentences[i].words;
        if blocked[i] || (!budget.overflow && used + words > budget.words) {
            continue;
        }
        // A sentence that tells a fact the brief already tells (the same
        // figure of the same thing, in whatever words: "half a million",
        // "500,000", "five lakh") would tell it twice, whatever else it
        // adds; one whose content the brief already holds adds nothing;
        // page junk is no news. The brief only grows, so none of them
        // becomes a candidate again.
        if claims.restates(i, &told) || brief_holds(index, i, &told_words) || junk(i) {
            continue;
        }
        // A count most other reports give otherwise ("The floods killed
        // 190 people" against three reports' "at least 230") is never
        // stated: the brief would state as fact a figure most reports
        // contradict (the facts show the disagreement).
        if claims.outvoted(i) {
            continue;
        }
        let value = gain(i, &covered);
        let fresh = Candidate {
            ratio: value / cost(i),
            ..top
        };
        // Stale ratios only overstate: if the fresh one still leads, no
        // other candidate can beat it.
        if heap.peek().is_some_and(|next| fresh < *next) {
            heap.push(fresh);
            continue;
        }
        chosen.push(i);
        total += value;
        used += words;
        for &c in &problem.concepts[i] {
            covered[c as usize] = true;
        }
        told.extend_from_slice(claims.of(i));
        for &t in &index.sentences[i].content {
            told_words[t as usize] = true;
        }
        index.overlaps(i, &mut counts, &mut overlaps);
        for &(j, overlap) in &overlaps {
            if index.paraphrase(i, j, overlap)
                || index.contained(i, j, overlap)
                || same_quantity(index, i, j)
                // A shared figure or quote with a few words around it in
                // common; alone it may be a coincidence ("$1 million").
                || (overlap >= 3
                    && (claims.same_figure(i, j) || same_quote(problem.story, i, j)))
            {
                blocked[j] = true;
            }
        }
    }
    match best_single {
        Some((value, i)) if value > total && !claims.outvoted(i) => vec![i],
        _ => chosen,
    }
}

/// Share of a sentence's content words (figures aside) the brief must
/// already tell for the sentence to tell nothing new: as high as the
/// paraphrase test's containment, since the brief as a whole holds many
/// words.
const TOLD_CONTAINMENT: f32 = 0.8;
/// Fewest content words a sentence needs for that test: a short sentence
/// is mostly common words.
const TOLD_MIN_WORDS: usize = 4;

/// Whether the brief, whose content words are `told`, already holds most
/// of sentence `i`'s (figures aside: they are the facts' test).
fn brief_holds(index: &StoryIndex, i: usize, told: &[bool]) -> bool {
    let sentence = &index.sentences[i];
    let (mut words, mut known) = (0, 0);
    for &t in &sentence.content {
        if sentence.figures.binary_search(&t).is_err() {
            words += 1;
            known += usize::from(told[t as usize]);
        }
    }
    words >= TOLD_MIN_WORDS && known as f32 >= TOLD_CONTAINMENT * words as f32
}

/// Whether sentences `i` and `j` give one figure of one thing ("more than
/// three hours", "about three hours"): the second would tell the same fact
/// again, whatever else it adds.
fn same_quantity(index: &StoryIndex, i: usize, j: usize) -> bool {
    let (a, b) = (
        &index.sentences[i].quantities,
        &index.sentences[j].quantities,
    );
    a.iter().any(|q| b.binary_search(q).is_ok())
}

/// Whether one of the two sentences quotes words (three or more, in
/// quotation marks) that the other holds: two outlets reporting one remark
/// ("called the talks frank and useful", "said the talks had been \"frank
/// and useful\"").
fn same_quote(story: &Story, i: usize, j: usize) -> bool {
    let (a, b) = (sentence_text(story, i), sentence_text(story, j));
    quotes_in(a, b) || quotes_in(b, a)
}

/// Whether a word of a sentence can state a count: a number word, a scale
/// word ("million", "lakh", "thousands") or "dozen".
fn counts(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    let singular = word.strip_suffix('s').unwrap_or(&word);
    is_number_word(&word) || scale_word(singular).is_some() || singular == "dozen"
}

/// The text of sentence `i` (flat index).
fn sentence_text(story: &Story, i: usize) -> &str {
    let sentence = &story.index.sentences[i];
    &story.documents[sentence.doc].sentences[sentence.position].text
}

/// Whether a quoted passage of `quoting` (three words or more) is in `other`.
fn quotes_in(quoting: &str, other: &str) -> bool {
    const MARKS: [char; 3] = ['"', '“', '”'];
    if !quoting.contains(MARKS) {
        return false;
    }
    let other = other.to_lowercase();
    quoting
        .split(MARKS)
        .skip(1)
        .step_by(2)
        .map(|quoted| quoted.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|quoted| quoted.split_whitespace().count() >= 3)
        .any(|quoted| other.contains(&quoted.to_lowercase()))
}

/// The figures each sentence gives, read on demand (the scanner is not
/// cheap, and most sentences are never compared): what each counts and
/// every value it allows.
struct Claims<'a> {
    story: &'a Story,
    read: Vec<Option<Vec<Figure>>>,
    /// Per sentence, whether most reports give its counts otherwise
    /// ([`Claims::outvoted`]), once asked.
    outvoted: Vec<Option<bool>>,
    /// Per sentence, the names it gives ([`Claims::read_names`]), once read.
    names: Vec<Option<Vec<String>>>,
}

/// A figure as a claim: what it counts, the event it counts when a word
/// near it names one, and the values it allows.
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    /// The counted noun in the singular, a time unit, a measure, a
    /// currency or "%"; counts of people killed, displaced, injured … are
    /// all "people" ("230 deaths", "500,000 were displaced").
    unit: String,
    /// The event counted ("killed", "displaced", "lasted"), as the
    /// lexicon names it.
    event: Option<&'static str>,
    /// Every value the claim allows (seconds for durations).
    range: (f64, f64),
    /// Counted in time, money, a measure or a share rather than in things:
    /// two such figures that agree are one fact even when no event word
    /// is near ("after more than three hours", "about three hours").
    measured: bool,
}

/// Content words a sentence shares at least with one whose count it may
/// vote on ([`Claims::outvoted`]).
const VOTE_SHARED_WORDS: u32 = 2;

/// Counted nouns that, counted in an event that counts people, are just
/// people.
const PEOPLE: &[&str] = &["people", "person", "resident", "villager", "inhabitant"];

impl Figure {
    /// The claim `q` of a sentence of `tokens`, or `None` for a figure that
    /// counts nothing named, an age (whose?) or a set the reader knows
    /// ("the two leaders").
    fn read(tokens: &[Token], q: &Quantity) -> Option<Figure> {
        if names_a_known_set(tokens, q) || q.age_of.is_some() {
            return None;
        }
        let event = event_near(tokens, q.tokens);
        let unit = match q.unit.as_deref() {
            Some(u) if u.ends_with(" old") => return None,
            Some(u) if lexicon::event_of(u).is_some_and(lexicon::counts_people) => "people",
            // "five lakh villagers were evacuated", "500,000 people were
            // displaced": one count of people. Soldiers, children or
            // civilians stay apart: they are counted as such.
            Some(u) if PEOPLE.contains(&u) && event.is_some_and(lexicon::counts_people) => "people",
            Some(u) => u,
            None if event.is_some_and(lexicon::counts_people) => "people",
            None => return None,
        };
        let measured = q.kind == FactKind::Duration
            || !unit.chars().all(|c| c.is_ascii_lowercase())
            || lexicon::measure_unit(unit).is_some()
            || time_unit(unit).is_some();
        Some(Figure {
            unit: unit.to_string(),
            event,
            range: q.range,
            measured,
        })
    }

    /// Whether two claims agree on one unit: some value satisfies both.
    fn agrees(&self, other: &Figure) -> bool {
        self.unit == other.unit && self.range.0 <= other.range.1 && other.range.0 <= self.range.1
    }

    /// Whether two claims tell one fact: they agree, and they count the
    /// same event, or, naming none, the same span of time, sum or measure.
    /// Agreeing counts of things with no event named ("two ships", "two
    /// ships") may be different things and are not taken for one fact.
    fn same_fact(&self, other: &Figure) -> bool {
        self.agrees(other)
            && match (self.event, other.event) {
                (Some(a), Some(b)) => a == b,
                (None, None) => self.measured,
                _ => false,
            }
    }
}

impl<'a> Claims<'a> {
    fn new(story: &'a Story) -> Claims<'a> {
        let n = story.index.sentences.len();
        Claims {
            story,
            read: vec![None; n],
            outvoted: vec![None; n],
            names: vec![None; n],
        }
    }

    fn of(&mut self, i: usize) -> &[Figure] {
        let story = self.story;
        self.read[i].get_or_insert_with(|| {
            let sentence = &story.index.sentences[i];
            let text = &story.documents[sentence.doc].sentences[sentence.position].text;
            // Only a sentence with a figure, a number word or a scale word
            // ("half a million", "hundreds of thousands") can give one.
            if sentence.figures.is_empty()
                && sentence.quantities.is_empty()
                && !text.split_whitespace().any(counts)
            {
                return Vec::new();
            }
            let lower = text.to_ascii_lowercase();
            let tokens = tokenize(text, &lower);
            quantities(&tokens)
                .iter()
                .filter_map(|q| Figure::read(&tokens, q))
                .collect()
        })
    }

    /// Whether `i` and `j` give a figure of one unit whose values agree
    /// ("more than 500,000 people", "about five lakh people"): the second
    /// would tell the first's fact again, in other words.
    fn same_figure(&mut self, i: usize, j: usize) -> bool {
        if self.of(i).is_empty() {
            return false;
        }
        let theirs = self.of(j).to_vec();
        self.of(i)
            .iter()
            .any(|figure| theirs.iter().any(|other| figure.agrees(other)))
    }

    /// Whether sentence `i` counts an event (people killed, displaced …)
    /// other than more of the story's reports do: more reports (reprints
    /// aside) give only disagreeing counts of it, of the same scope, than
    /// give an agreeing one. A report dated before `i`'s does not count
    /// against it: its count may be what `i`'s updates; nor does a count
    /// whose sentence names only other places and people ("the El Paso
    /// shooting killed 22" against "a shooting in Dayton killed 9").
    /// Asked once per sentence about to be chosen, and kept.
    fn outvoted(&mut self, i: usize) -> bool {
        if let Some(known) = self.outvoted[i] {
            return known;
        }
        let outvoted = self.count_votes(i);
        self.outvoted[i] = Some(outvoted);
        outvoted
    }

    fn count_votes(&mut self, i: usize) -> bool {
        let own: Vec<Figure> = self
            .of(i)
            .iter()
            .filter(|f| f.event.is_some())
            .cloned()
            .collect();
        if own.is_empty() {
            return false;
        }
        let story = self.story;
        let date = |doc: usize| {
            let article = &story.documents[doc].article;
            article.date.as_deref().and_then(publication_date)
        };
        let own_date = date(story.index.sentences[i].doc);
        // Only sentences that share two content words with `i` ("floods",
        // "killed") are read for counts of its event: reading every
        // sentence's figures cost the summary 6% more instructions.
        let (mut counts, mut overlaps) = (Vec::new(), Vec::new());
        story.index.overlaps(i, &mut counts, &mut overlaps);
        let mut related: Vec<usize> = overlaps
            .iter()
            .filter(|&&(_, shared)| shared >= VOTE_SHARED_WORDS)
            .map(|&(j, _)| j)
            .collect();
        related.push(i);
        let mut agreeing = Vec::new();
        let mut disagreeing = Vec::new();
        own.iter().any(|figure| {
            agreeing.clear();
            disagreeing.clear();
            for &j in &related {
                let doc = story.index.sentences[j].doc;
                if story.documents[doc].duplicate_of.is_some() {
                    continue;
                }
                let mut against = false;
                for other in self.of(j) {
                    if other.unit != figure.unit || other.event != figure.event {
                        continue;
                    }
                    if figure.agrees(other) {
                        agreeing.push(doc);
                    } else if within_factor(figure.range, other.range, SCOPE_FACTOR) {
                        against = true;
                    }
                }
                if against && !self.names_apart(i, j) {
                    disagreeing.push(doc);
                }
            }
            agreeing.sort_unstable();
            agreeing.dedup();
            disagreeing.sort_unstable();
            disagreeing.dedup();
            disagreeing.retain(|&d| {
                agreeing.binary_search(&d).is_err()
                    && !matches!((date(d), own_date), (Some(theirs), Some(own)) if theirs < own)
            });
            disagreeing.len() > agreeing.len()
        })
    }

    /// Whether sentences `i` and `j` both name places or people and share
    /// none of them: their counts may be of two events.
    fn names_apart(&mut self, i: usize, j: usize) -> bool {
        self.read_names(i);
        self.read_names(j);
        let (a, b) = (&self.names[i], &self.names[j]);
        let (a, b) = (
            a.as_deref().unwrap_or_default(),
            b.as_deref().unwrap_or_default(),
        );
        !a.is_empty() && !b.is_empty() && !a.iter().any(|name| b.contains(name))
    }

    /// Reads, once, the capitalised words of sentence `i` past its first
    /// word, months, weekdays and such aside, in lower case.
    fn read_names(&mut self, i: usize) {
        let story = self.story;
        self.names[i].get_or_insert_with(|| {
            let text = sentence_text(story, i);
            let lower = text.to_ascii_lowercase();
            let tokens = tokenize(text, &lower);
            tokens
                .iter()
                .skip(1)
                .filter(|t| {
                    t.kind == TokenKind::Word
                        && t.capitalized()
                        && !t.has(lexicon::DATE)
                        && !t.has(lexicon::NOT_NAME)
                })
                .map(|t| t.lower().to_string())
                .collect()
        });
    }

    /// Whether sentence `i` tells one of the facts in `told` again.
    fn restates(&mut self, i: usize, told: &[Figure]) -> bool {
        !told.is_empty()
            && self
                .of(i)
                .iter()
                .any(|figure| told.iter().any(|fact| figure.same_fact(fact)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, StoryInput};
    use crate::prepare::terms::Vocab;

    fn story(docs: &[&str], vocab: &mut Vocab) -> Story {
        let articles = docs
            .iter()
            .enumerate()
            .map(|(i, text)| Article::new(format!("d{i}"), *text))
            .collect();
        Story::prepare(StoryInput::story("s", articles), vocab)
    }

    fn problem_weights(c: &StoryConcepts, f: impl Fn(&ConceptFeatures) -> f32) -> Vec<f32> {
        c.features.iter().map(f).collect()
    }

    /// The greedy's choice within `words` when every concept weighs 1 and
    /// sentence scores do not count.
    fn greedy_on_concepts(s: &Story, words: usize) -> Vec<usize> {
        let n = s.index.sentences.len();
        let scores = vec![0.0; n];
        let c = concepts(s, &scores, &Known::default());
        let weights = problem_weights(&c, |_| 1.0);
        let selectable = vec![true; n];
        let problem = Problem {
            story: s,
            concepts: &c.of_sentence,
            weights: &weights,
            scores: &scores,
            selectable: &selectable,
            last_resort: &vec![false; n],
        };
        let objective = Objective {
            sentence_weight: 0.0,
            cost_exponent: 1.0,
            known_factor: 1.0,
            repeat_penalty: 0.0,
        };
        greedy(&problem, Budget::within(words), objective)
    }

    #[test]
    fn a_sentence_the_earlier_articles_told_is_known() {
        let mut vocab = Vocab::new();
        let earlier = story(
            &[
                "The city council approved the new harbour budget after a long debate on Monday. \
               The budget sets aside 40 million for the harbour.",
            ],
            &mut vocab,
        );
        let known = Known::from_story(&earlier);
        let later = story(
            &[
                "After a long debate on Monday, the city council approved the new harbour budget, officials said. \
               The budget now sets aside 55 million for the harbour. \
               Dock workers began a strike on Wednesday over the cuts in the harbour budget.",
            ],
            &mut vocab,
        );
        assert!(known.retells(&later.index, 0), "the approval was told");
        // A figure the earlier sentence lacks may be the update.
        assert!(!known.retells(&later.index, 1), "a new figure is news");
        assert!(!known.retells(&later.index, 2), "the strike is news");
        assert!(!Known::default().retells(&later.index, 0));
    }

    #[test]
    fn a_concept_counts_once() {
        let mut vocab = Vocab::new();
        let s = story(
            &[
                "The river flooded the northern valley towns on Monday night. \
                 Rescue teams reached the northern valley towns by boat on Tuesday. \
                 The regional governor declared a state of emergency across the province.",
            ],
            &mut vocab,
        );
        let chosen = greedy_on_concepts(&s, 24);
        // Two sentences fit; the second pick is the one sharing no pairs
        // ("northern valley towns") with the first.
        assert_eq!(chosen.len(), 2, "{chosen:?}");
        assert!(chosen.contains(&2), "{chosen:?}");
    }

    #[test]
    fn a_fact_the_brief_tells_is_covered_in_any_words() {
        let mut vocab = Vocab::new();
        // The same displacement told two ways, sharing almost no words: no
        // pairwise test of wording relates them, the figures do.
        let s = story(
            &[
                "Cyclone Marel forced more than half a million people from their homes along the coast.",
                "About five lakh villagers were evacuated before landfall, relief workers said. \
                 The government closed schools in three provinces until Friday.",
            ],
            &mut vocab,
        );
        assert_eq!(s.index.sentences.len(), 3);
        let chosen = greedy_on_concepts(&s, 100);
        assert!(chosen.contains(&2), "{chosen:?}");
        assert_eq!(chosen.len(), 2, "the displacement told twice: {chosen:?}");
    }

    #[test]
    fn a_count_most_reports_contradict_is_never_stated() {
        let mut vocab = Vocab::new();
        let toll = "The floods killed at least 230 people across the delta, aid groups said.";
        let s = story(
            &[
                "Local officials said the floods killed 190 people in the river towns.",
                toll,
                toll,
                "Floods killed at least 230 people, the Red Cross said on Sunday.",
            ],
            &mut vocab,
        );
        let outvoted = |s: &Story| {
            let mut claims = Claims::new(s);
            (0..s.index.sentences.len())
                .map(|i| claims.outvoted(i))
                .collect::<Vec<_>>()
        };
        assert_eq!(outvoted(&s), [true, false, false, false]);
        // With room for one sentence only, the brief gives the toll most
        // reports give.
        let chosen = greedy_on_concepts(&s, 14);
        assert_eq!(chosen.len(), 1, "{chosen:?}");
        assert_ne!(chosen[0], 0, "{chosen:?}");
        // A report dated after the others may update their count.
        let dated = |i: usize, text: &str| {
            let mut article = Article::new(format!("d{i}"), text);
            article.date = Some(format!("2024-03-0{}", if i == 0 { 9 } else { 1 }));
            article
        };
        let later = Story::prepare(
            StoryInput::story(
                "s",
                vec![
                    dated(
                        0,
                        "The floods have now killed 310 people, officials said on Friday.",
                    ),
                    dated(1, toll),
                    dated(2, "Floods killed at least 230 people, the Red Cross said."),
                ],
            ),
            &mut vocab,
        );
        assert_eq!(outvoted(&later), [false, false, false]);
        // Counts of two shootings, each report naming its own city.
        let el_paso = "The shooting in El Paso killed 22 people, police said.";
        let two_cities = story(
            &[
                "A shooting in Dayton killed 9 people early on Sunday.",
                el_paso,
                "Police said the shooting in El Paso killed 22 people at a store.",
                "A gunman in El Paso killed 22 people, the governor said.",
            ],
            &mut vocab,
        );
        assert_eq!(outvoted(&two_cities), [false, false, false, false]);
    }

    #[test]
    fn one_fact_is_one_figure_of_one_thing() {
        let figures = |text: &str| {
            let lower = text.to_ascii_lowercase();
            let tokens = tokenize(text, &lower);
            quantities(&tokens)
                .iter()
                .filter_map(|q| Figure::read(&tokens, q))
                .collect::<Vec<_>>()
        };
        let same = |a: &str, b: &str| {
            figures(a)
                .iter()
                .any(|x| figures(b).iter().any(|y| x.same_fact(y)))
        };
        assert!(same(
            "The floods displaced more than half a million people.",
            "About five lakh people were evacuated."
        ));
        assert!(same(
            "The talks lasted more than three hours.",
            "The leaders talked for about three hours."
        ));
        assert!(same(
            "At least 64 people were killed.",
            "The death toll rose to 64."
        ));
        // Different events, or figures that cannot both hold.
        assert!(!same(
            "At least 64 people were killed.",
            "64 people were injured."
        ));
        assert!(!same(
            "More than 500,000 people were displaced.",
            "About 50,000 people were evacuated."
        ));
        // Things counted with no event named may be different things.
        assert!(!same(
            "Two ships sank off the cape.",
            "Two ships were seen."
        ));
        // The set the reader knows is no count.
        assert!(figures("The two leaders met on Monday.").is_empty());
    }

    #[test]
    fn a_quoted_remark_is_found_in_other_words() {
        assert!(quotes_in(
            "Varga said the talks had been \"frank and useful\" and more.",
            "Varga called the talks frank and useful."
        ));
        assert!(!quotes_in(
            "Varga said the talks were \"useful\".",
            "Varga called the talks useful."
        ));
        assert!(!quotes_in(
            "No quotes here at all.",
            "No quotes here at all."
        ));
    }

    #[test]
    fn known_concepts_are_marked() {
        let mut vocab = Vocab::new();
        let earlier = story(
            &["The dam burst on Monday and flooded the valley."],
            &mut vocab,
        );
        let known = Known::from_story(&earlier);
        assert_eq!(known.documents(), 1);
        let now = story(
            &["The dam burst on Monday. Officials opened three shelters for the displaced."],
            &mut vocab,
        );
        let scores = vec![0.0; now.index.sentences.len()];
        let c = concepts(&now, &scores, &known);
        let earlier_flag = CONCEPT_FEATURE_NAMES
            .iter()
            .position(|n| *n == "earlier")
            .unwrap();
        let known_in = |i: usize| {
            c.of_sentence[i]
                .iter()
                .filter(|&&k| c.features[k as usize][earlier_flag] == 1.0)
                .count()
        };
        assert!(known_in(0) >= 3, "{}", known_in(0));
        assert_eq!(known_in(1), 0);
    }

    #[test]
    fn the_best_single_sentence_wins_when_greedy_falls_short() {
        let mut vocab = Vocab::new();
        // A short sentence with a high gain per word crowds out the long
        // one that alone is worth more.
        let s = story(
            &["Quiet storms hit coastal farms today again. \
                 Engineers said the aging levee system along the entire eastern shore failed after record rainfall overwhelmed pumps."],
            &mut vocab,
        );
        let n = s.index.sentences.len();
        assert_eq!(n, 2);
        let scores = vec![0.0; n];
        let c = concepts(&s, &scores, &Known::default());
        let weights: Vec<f32> = c
            .keys
            .iter()
            .enumerate()
            .map(|(k, _)| {
                if c.of_sentence[0].contains(&(k as u32)) {
                    1.0
                } else {
                    0.5
                }
            })
            .collect();
        let selectable = vec![true; n];
        let problem = Problem {
            story: &s,
            concepts: &c.of_sentence,
            weights: &weights,
            scores: &scores,
            selectable: &selectable,
            last_resort: &vec![false; n],
        };
        let objective = Objective {
            sentence_weight: 0.0,
            cost_exponent: 1.0,
            known_factor: 1.0,
            repeat_penalty: 0.0,
        };
        let words = s.index.sentences[1].words;
        assert_eq!(greedy(&problem, Budget::within(words), objective), vec![1]);
    }
}
