//! The same text from two outlets: a wire story run by two papers, or one
//! article carried by two feeds under different links. A text is stored
//! once per outlet, so that the story lists every outlet that ran it; the
//! pipeline's reprint detection then counts the copies once in the brief
//! (`a copy of X: counted once, and its sentences are not chosen`).
//!
//! The store keys articles by the hash of their text (one row per hash), and
//! a changed key would need a schema change. Instead, a text already stored
//! under another outlet is stored under the hash of its text *and* outlet
//! ([`copy_hash`]): stored again from either outlet it finds its own row,
//! and ingesting stays idempotent. Rows stored before keep their keys.

use rustc_hash::FxHashMap;

use chorus::model::Article;

use crate::StoreError;
use crate::tables::Tables;

/// The hash a text from `outlet` is stored under when the same text is
/// stored already under another outlet: [`crate::content_hash`]'s words,
/// then a byte no text holds (0xff is never part of UTF-8), then the
/// outlet as [`same_outlet`] compares it.
pub(crate) fn copy_hash(text: &str, outlet: Option<&str>) -> String {
    let mut hash = crate::fnv_words(text);
    for byte in std::iter::once(0xff).chain(normal(outlet).bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(crate::FNV_PRIME);
    }
    format!("{hash:016x}")
}

/// An outlet as compared: trimmed, lower case, without NUL (which
/// PostgreSQL does not store). No outlet is the empty name.
fn normal(outlet: Option<&str>) -> String {
    outlet.unwrap_or("").trim().replace('\0', "").to_lowercase()
}

/// Whether two outlet names are the same outlet.
fn same_outlet(a: Option<&str>, b: Option<&str>) -> bool {
    normal(a) == normal(b)
}

/// The hash each article of a batch is stored under, from its text hash
/// (`text_hashes`, in order): that hash, unless the text is stored (or
/// comes earlier in the batch) from another outlet; then [`copy_hash`].
/// Run under the placing lock: what is stored cannot change meanwhile.
pub(crate) fn keys(
    tables: &mut dyn Tables,
    articles: &[Article],
    text_hashes: Vec<String>,
) -> Result<Vec<String>, StoreError> {
    let copies: Vec<String> = articles
        .iter()
        .map(|a| copy_hash(&a.text, a.source.as_deref()))
        .collect();
    let mut asked: Vec<&str> = text_hashes
        .iter()
        .chain(&copies)
        .map(String::as_str)
        .collect();
    asked.sort_unstable();
    asked.dedup();
    // Each stored key's outlet, then each key this batch adds.
    let mut owners: FxHashMap<String, Option<String>> = tables.outlets_of(&asked)?;
    let mut keys = Vec::with_capacity(articles.len());
    for ((article, text), copy) in articles.iter().zip(text_hashes).zip(copies) {
        let outlet = article.source.as_deref();
        let key = if owners.contains_key(&copy) {
            // This outlet's copy is stored already.
            copy
        } else {
            match owners.get(&text) {
                Some(owner) if !same_outlet(owner.as_deref(), outlet) => copy,
                _ => text,
            }
        };
        if !article.text.trim().is_empty() {
            owners
                .entry(key.clone())
                .or_insert_with(|| article.source.clone());
        }
        keys.push(key);
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_hash_differs_by_outlet_but_not_by_its_spelling() {
        let text = "Ferry crews walked out over pay.";
        assert_eq!(
            copy_hash(text, Some("Coast News")),
            copy_hash("Ferry  crews walked\nout over pay.", Some(" coast news "))
        );
        assert_ne!(
            copy_hash(text, Some("Coast")),
            copy_hash(text, Some("Harbour"))
        );
        assert_ne!(copy_hash(text, None), crate::content_hash(text));
        assert!(same_outlet(None, Some(" ")));
        assert!(!same_outlet(None, Some("Coast")));
    }
}
