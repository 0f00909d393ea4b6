//! One batch of articles into a store, the same on either database: first
//! each new article is read and its words counted, outside any lock (the
//! costly part, which writers do in parallel); then, in the batch's
//! transaction and under the store's placing lock, what becomes of each
//! article is decided and the new ones are placed.

use rustc_hash::{FxHashMap, FxHashSet};

use chorus::model::Article;
use chorus::prepare::terms::Vocab;

use crate::incremental::{Counted, Placer, read_article};
use crate::tables::{NewArticle, Tables};
use crate::{IngestSummary, Placement, Refused, StoreError, content_hash, sane_date};

/// A batch read and counted, waiting for the placing lock.
pub(crate) struct ReadBatch {
    articles: Vec<Article>,
    /// Each article's [`content_hash`].
    hashes: Vec<String>,
    /// What placing reads of each text that was not stored when the batch
    /// was read, by hash.
    counted: FxHashMap<String, Counted>,
    vocab: Vocab,
}

/// Tells which of some hashes the store holds.
pub(crate) type StoredHashes<'a> = dyn FnMut(&[&str]) -> Result<FxHashSet<String>, StoreError> + 'a;

/// Reads the articles of a batch whose text the store does not hold yet
/// (`stored` tells which of some hashes it holds); `progress` hears
/// (articles read, total).
pub(crate) fn read(
    articles: Vec<Article>,
    stored: &mut StoredHashes,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ReadBatch, StoreError> {
    let hashes: Vec<String> = articles.iter().map(|a| content_hash(&a.text)).collect();
    let mut distinct: Vec<&str> = hashes.iter().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let known = stored(&distinct)?;
    let mut vocab = Vocab::new();
    let mut counted: FxHashMap<String, Counted> = FxHashMap::default();
    let total = articles.len();
    for (done, (article, hash)) in articles.iter().zip(&hashes).enumerate() {
        progress(done, total);
        if article.text.trim().is_empty() || known.contains(hash) || counted.contains_key(hash) {
            continue;
        }
        counted.insert(hash.clone(), read_article(article, &mut vocab));
    }
    progress(total, total);
    Ok(ReadBatch {
        articles,
        hashes,
        counted,
        vocab,
    })
}

/// Each value once, sorted.
fn distinct(mut values: Vec<&str>) -> Vec<&str> {
    values.sort_unstable();
    values.dedup();
    values
}

/// Why an article whose text is all page furniture (crawl notices, share
/// and follow lines) is not stored: no word is left to place it by, and
/// every such page would otherwise be one article, by its identical text.
pub(crate) const NO_WORDS: &str = "no words to place it by once page furniture is removed";

/// What becomes of one article of a batch.
enum Fate {
    /// Stored now: what placing reads of it is at this index of the
    /// batch's articles to add.
    Add(usize),
    /// The same text is stored already (or earlier in the batch).
    Known,
    /// Not stored, for this reason.
    Refused(&'static str),
}

/// Places a read batch: run inside the batch's transaction, holding the
/// store's placing lock, so that what is stored cannot change meanwhile.
pub(crate) fn place(
    tables: &mut dyn Tables,
    batch: ReadBatch,
) -> Result<IngestSummary, StoreError> {
    let ReadBatch {
        articles,
        hashes,
        mut counted,
        mut vocab,
    } = batch;
    let mut summary = IngestSummary::default();
    // From here on, each article's hash is the one it is stored under: a
    // text another outlet ran already is a copy of its own.
    let hashes = crate::outlets::keys(tables, &articles, hashes)?;
    // Asked again under the lock: another writer may have stored some of
    // these texts since the batch was read.
    let known_hashes =
        tables.known_hashes(&distinct(hashes.iter().map(String::as_str).collect()))?;
    let known_ids =
        tables.known_ids(&distinct(articles.iter().map(|a| a.id.as_str()).collect()))?;
    let mut batch_hashes: FxHashSet<&str> = FxHashSet::default();
    let mut batch_ids: FxHashSet<&str> = FxHashSet::default();
    let mut fates: Vec<Fate> = Vec::with_capacity(articles.len());
    let mut adding: Vec<Counted> = Vec::new();
    for (article, hash) in articles.iter().zip(&hashes) {
        let fate = if article.text.trim().is_empty() {
            Fate::Refused("no text")
        } else if batch_hashes.contains(hash.as_str()) || known_hashes.contains(hash) {
            Fate::Known
        } else if batch_ids.contains(article.id.as_str()) || known_ids.contains(&article.id) {
            Fate::Refused("an article with this id and different text is already stored")
        } else {
            // A text that was stored when the batch was read and is gone
            // now is read here.
            let read = counted
                .remove(hash)
                .unwrap_or_else(|| read_article(article, &mut vocab));
            if read.counts.is_empty() {
                Fate::Refused(NO_WORDS)
            } else {
                batch_hashes.insert(hash);
                batch_ids.insert(&article.id);
                adding.push(read);
                Fate::Add(adding.len() - 1)
            }
        };
        fates.push(fate);
    }
    let mut placer = Placer::new(tables)?;
    placer.count(tables, &adding)?;
    let placed = placer.place(tables, &adding)?;
    // Rows are written after placing, all at once: a story merged away
    // meanwhile is followed to the one it went into.
    let mut rows: Vec<(usize, i64)> = Vec::new();
    let mut placements: Vec<(Placement, bool)> = Vec::with_capacity(articles.len());
    let placement = |id: &str, status: &'static str, reason: Option<&str>| Placement {
        id: id.to_string(),
        status,
        story: None,
        reason: reason.map(str::to_string),
    };
    for (n, (article, fate)) in articles.iter().zip(&fates).enumerate() {
        match fate {
            &Fate::Add(added) => {
                let placed = &placed[added];
                if placed.new_story {
                    summary.new_stories += 1;
                }
                rows.push((n, placed.story));
                placements.push((placement(&article.id, "added", None), true));
                summary.added += 1;
            }
            Fate::Known => {
                summary.already_stored += 1;
                placements.push((placement(&article.id, "already_stored", None), true));
            }
            Fate::Refused(reason) => {
                summary.refused.push(Refused {
                    id: article.id.clone(),
                    reason: reason.to_string(),
                });
                placements.push((placement(&article.id, "refused", Some(reason)), false));
            }
        }
    }
    let new_rows: Vec<NewArticle> = rows
        .iter()
        .map(|&(n, story)| NewArticle {
            article: &articles[n],
            hash: &hashes[n],
            date: sane_date(articles[n].date.as_deref()),
            story: placer.current(story),
        })
        .collect();
    let touched = std::mem::take(&mut placer.touched);
    placer.finish(tables)?;
    tables.insert_articles(&new_rows)?;
    tables.refresh_stories(&touched)?;
    summary.updated_stories = touched.len();
    let stored: Vec<&str> = placements
        .iter()
        .zip(&hashes)
        .filter(|((_, stored), _)| *stored)
        .map(|(_, hash)| hash.as_str())
        .collect();
    let story_of = tables.stories_of(&distinct(stored))?;
    for ((mut placement, stored), hash) in placements.into_iter().zip(&hashes) {
        if stored {
            placement.story = story_of.get(hash).copied();
        }
        summary.articles.push(placement);
    }
    summary.stories = tables.story_total()? as usize;
    Ok(summary)
}
