//! [`Tables`] in SQLite's SQL, one prepared (and cached) statement per
//! key: in-process lookups cost microseconds, so batching them gains
//! nothing here.

use rusqlite::{OptionalExtension, Transaction, params};
use rustc_hash::{FxHashMap, FxHashSet};

use chorus::model::Article;

use crate::StoreError;
use crate::tables::{NewArticle, StoredShape, Tables, Vector};

/// A batch's transaction.
pub(crate) struct SqliteTables<'a> {
    pub tx: &'a Transaction<'a>,
}

impl SqliteTables<'_> {
    fn count(&self, sql: &str) -> Result<i64, StoreError> {
        Ok(self.tx.query_row(sql, [], |r| r.get(0))?)
    }

    /// Which of `keys` the query (one parameter) finds a row for.
    fn existing(&self, sql: &str, keys: &[&str]) -> Result<FxHashSet<String>, StoreError> {
        let mut statement = self.tx.prepare_cached(sql)?;
        let mut found = FxHashSet::default();
        for key in keys {
            if statement.exists([key])? {
                found.insert(key.to_string());
            }
        }
        Ok(found)
    }
}

impl Tables for SqliteTables<'_> {
    fn article_total(&mut self) -> Result<i64, StoreError> {
        self.count("SELECT count(*) FROM articles")
    }

    fn newest_row(&mut self) -> Result<i64, StoreError> {
        self.count("SELECT coalesce(max(id), 0) FROM articles")
    }

    fn known_hashes(&mut self, hashes: &[&str]) -> Result<FxHashSet<String>, StoreError> {
        self.existing("SELECT 1 FROM articles WHERE hash = ?1", hashes)
    }

    fn outlets_of(
        &mut self,
        hashes: &[&str],
    ) -> Result<FxHashMap<String, Option<String>>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("SELECT source FROM articles WHERE hash = ?1")?;
        let mut found = FxHashMap::default();
        for hash in hashes {
            if let Some(source) = statement.query_row([hash], |r| r.get(0)).optional()? {
                found.insert(hash.to_string(), source);
            }
        }
        Ok(found)
    }

    fn known_ids(&mut self, ids: &[&str]) -> Result<FxHashSet<String>, StoreError> {
        self.existing("SELECT 1 FROM articles WHERE doc_id = ?1", ids)
    }

    fn documents(&mut self, terms: &[&str]) -> Result<FxHashMap<String, i64>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("SELECT documents FROM terms WHERE term = ?1")?;
        let mut found = FxHashMap::default();
        for term in terms {
            if let Some(documents) = statement.query_row([term], |r| r.get(0)).optional()? {
                found.insert(term.to_string(), documents);
            }
        }
        Ok(found)
    }

    fn postings(
        &mut self,
        terms: &[&str],
        per_term: usize,
    ) -> Result<FxHashMap<String, Vec<(i64, f32)>>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT story, weight FROM story_terms WHERE term = ?1 ORDER BY story DESC LIMIT ?2",
        )?;
        let mut found = FxHashMap::default();
        for term in terms {
            let rows = statement.query_map(params![term, per_term as i64], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)? as f32))
            })?;
            found.insert(term.to_string(), rows.collect::<Result<_, _>>()?);
        }
        Ok(found)
    }

    fn centroids(&mut self, stories: &[i64]) -> Result<FxHashMap<i64, Vector>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("SELECT term, weight FROM story_terms WHERE story = ?1")?;
        let mut found = FxHashMap::default();
        for &story in stories {
            let rows = statement.query_map([story], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)? as f32))
            })?;
            found.insert(story, rows.collect::<Result<_, _>>()?);
        }
        Ok(found)
    }

    fn shapes(&mut self, stories: &[i64]) -> Result<FxHashMap<i64, StoredShape>, StoreError> {
        let mut shape = self.tx.prepare_cached(
            "SELECT (SELECT count(*) FROM articles WHERE story = ?1), length, pair_sum,
                    (SELECT coalesce(min(id), 0) FROM articles WHERE story = ?1)
             FROM stories WHERE id = ?1",
        )?;
        let mut names = self
            .tx
            .prepare_cached("SELECT term, articles FROM story_particulars WHERE story = ?1")?;
        let mut found = FxHashMap::default();
        for &story in stories {
            let Some((articles, length, pair_sum, first_row)) = shape
                .query_row([story], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<f64>>(1)?,
                        r.get::<_, Option<f64>>(2)?,
                        r.get::<_, i64>(3)?,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            let particulars = names
                .query_map([story], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            found.insert(
                story,
                StoredShape {
                    articles,
                    length: length.map(|l| l as f32),
                    pair_sum: pair_sum.map(|s| s as f32),
                    particulars,
                    first_row,
                },
            );
        }
        Ok(found)
    }

    fn new_story(&mut self, headline: &str) -> Result<i64, StoreError> {
        self.tx.execute(
            "INSERT INTO stories (headline, articles) VALUES (?1, 0)",
            [headline],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn merge(&mut self, into: i64, from: i64) -> Result<(), StoreError> {
        self.tx.execute(
            "UPDATE articles SET story = ?1 WHERE story = ?2",
            params![into, from],
        )?;
        self.tx
            .execute("DELETE FROM story_terms WHERE story = ?1", [from])?;
        self.tx
            .execute("DELETE FROM story_particulars WHERE story = ?1", [from])?;
        self.tx
            .execute("DELETE FROM stories WHERE id = ?1", [from])?;
        Ok(())
    }

    fn insert_articles(&mut self, rows: &[NewArticle]) -> Result<(), StoreError> {
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO articles (doc_id, hash, title, text, source, url, date, story, added)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, unixepoch())
             ON CONFLICT (hash) DO NOTHING",
        )?;
        let mut index = self.tx.prepare_cached(
            "INSERT INTO article_search (rowid, title, text) VALUES (?1, ?2, ?3)",
        )?;
        for row in rows {
            let a = row.article;
            let inserted = insert.execute(params![
                a.id, row.hash, a.title, a.text, a.source, a.url, row.date, row.story
            ])?;
            if inserted == 1 {
                index.execute(params![self.tx.last_insert_rowid(), a.title, a.text])?;
            }
        }
        Ok(())
    }

    fn write_documents(&mut self, terms: &[(&str, i64)]) -> Result<(), StoreError> {
        let mut upsert = self.tx.prepare_cached(
            "INSERT INTO terms (term, documents) VALUES (?1, ?2)
             ON CONFLICT(term) DO UPDATE SET documents = excluded.documents",
        )?;
        for (term, documents) in terms {
            upsert.execute(params![term, documents])?;
        }
        Ok(())
    }

    fn write_centroid(&mut self, story: i64, vector: &[(String, f32)]) -> Result<(), StoreError> {
        self.tx
            .execute("DELETE FROM story_terms WHERE story = ?1", [story])?;
        let mut insert = self
            .tx
            .prepare_cached("INSERT INTO story_terms (story, term, weight) VALUES (?1, ?2, ?3)")?;
        for (term, weight) in vector {
            insert.execute(params![story, term, f64::from(*weight)])?;
        }
        Ok(())
    }

    fn write_shape(
        &mut self,
        story: i64,
        length: f32,
        pair_sum: f32,
        particulars: &[(&str, u32)],
    ) -> Result<(), StoreError> {
        self.tx.execute(
            "UPDATE stories SET length = ?2, pair_sum = ?3 WHERE id = ?1",
            params![story, f64::from(length), f64::from(pair_sum)],
        )?;
        self.tx
            .execute("DELETE FROM story_particulars WHERE story = ?1", [story])?;
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO story_particulars (story, term, articles) VALUES (?1, ?2, ?3)",
        )?;
        for (term, articles) in particulars {
            insert.execute(params![story, term, articles])?;
        }
        Ok(())
    }

    fn refresh_stories(&mut self, stories: &[i64]) -> Result<(), StoreError> {
        let mut refresh = self.tx.prepare_cached(
            "UPDATE stories SET
                articles = (SELECT count(*) FROM articles WHERE story = ?1),
                first_seen = (SELECT min(date) FROM articles WHERE story = ?1),
                last_seen = (SELECT max(date) FROM articles WHERE story = ?1),
                headline = coalesce((SELECT title FROM articles
                    WHERE story = ?1 AND title IS NOT NULL ORDER BY id LIMIT 1), headline),
                report = NULL,
                conflicts = NULL,
                failed = NULL
             WHERE id = ?1",
        )?;
        for &story in stories {
            refresh.execute([story])?;
        }
        Ok(())
    }

    fn stories_of(&mut self, hashes: &[&str]) -> Result<FxHashMap<String, i64>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("SELECT story FROM articles WHERE hash = ?1")?;
        let mut found = FxHashMap::default();
        for hash in hashes {
            if let Some(story) = statement.query_row([hash], |r| r.get(0)).optional()? {
                found.insert(hash.to_string(), story);
            }
        }
        Ok(found)
    }

    fn story_total(&mut self) -> Result<i64, StoreError> {
        self.count("SELECT count(*) FROM stories")
    }

    fn story_texts(&mut self, story: i64) -> Result<Vec<Article>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("SELECT title, text FROM articles WHERE story = ?1 ORDER BY id")?;
        let articles = statement
            .query_map([story], |r| {
                Ok(Article {
                    title: r.get(0)?,
                    text: r.get(1)?,
                    ..Article::default()
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(articles)
    }

    fn story_members(&mut self, story: i64) -> Result<Vec<(i64, Article)>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT id, title, text, date FROM articles WHERE story = ?1 ORDER BY id",
        )?;
        let members = statement
            .query_map([story], |r| {
                Ok((
                    r.get(0)?,
                    Article {
                        title: r.get(1)?,
                        text: r.get(2)?,
                        date: r.get(3)?,
                        ..Article::default()
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok(members)
    }

    fn move_article(&mut self, row: i64, story: i64) -> Result<(), StoreError> {
        self.tx.execute(
            "UPDATE articles SET story = ?1 WHERE id = ?2",
            params![story, row],
        )?;
        Ok(())
    }

    fn remove_story(&mut self, story: i64) -> Result<Option<usize>, StoreError> {
        let exists = self
            .tx
            .query_row("SELECT 1 FROM stories WHERE id = ?1", [story], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Ok(None);
        }
        // The search index keeps no copy of the text: it is told what the
        // deleted rows held.
        self.tx.execute(
            "INSERT INTO article_search (article_search, rowid, title, text)
             SELECT 'delete', id, title, text FROM articles WHERE story = ?1",
            [story],
        )?;
        self.tx
            .execute("DELETE FROM story_terms WHERE story = ?1", [story])?;
        self.tx
            .execute("DELETE FROM story_particulars WHERE story = ?1", [story])?;
        let articles = self
            .tx
            .execute("DELETE FROM articles WHERE story = ?1", [story])?;
        self.tx
            .execute("DELETE FROM stories WHERE id = ?1", [story])?;
        self.tx
            .execute("DELETE FROM terms WHERE documents <= 0", [])?;
        Ok(Some(articles))
    }
}
