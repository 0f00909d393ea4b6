//! [`Tables`] in PostgreSQL's SQL: every lookup of many keys is one
//! statement over an array (the server is a round trip away), and every
//! statement is prepared once per batch.

use postgres::Statement;
use postgres::types::ToSql;
use rustc_hash::{FxHashMap, FxHashSet};

use chorus::model::Article;

use crate::StoreError;
use crate::tables::{NewArticle, StoredShape, Tables, Vector};

/// A batch's transaction, with the statements it prepared.
pub(crate) struct PgTables<'a, 'b> {
    pub tx: &'a mut postgres::Transaction<'b>,
    prepared: FxHashMap<&'static str, Statement>,
}

impl<'a, 'b> PgTables<'a, 'b> {
    pub fn new(tx: &'a mut postgres::Transaction<'b>) -> PgTables<'a, 'b> {
        PgTables {
            tx,
            prepared: FxHashMap::default(),
        }
    }

    fn statement(&mut self, sql: &'static str) -> Result<Statement, StoreError> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.tx.prepare(sql)?;
        self.prepared.insert(sql, statement.clone());
        Ok(statement)
    }

    fn query(
        &mut self,
        sql: &'static str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>, StoreError> {
        let statement = self.statement(sql)?;
        Ok(self.tx.query(&statement, params)?)
    }

    fn execute(
        &mut self,
        sql: &'static str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, StoreError> {
        let statement = self.statement(sql)?;
        Ok(self.tx.execute(&statement, params)?)
    }

    fn count(&mut self, sql: &'static str) -> Result<i64, StoreError> {
        let statement = self.statement(sql)?;
        Ok(self.tx.query_one(&statement, &[])?.get(0))
    }
}

/// Text as PostgreSQL takes it: it stores no NUL character, which SQLite
/// and Rust strings allow.
pub(super) fn pg_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\0') {
        std::borrow::Cow::Owned(text.replace('\0', ""))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn pg_texts(texts: impl Iterator<Item = Option<String>>) -> Vec<Option<String>> {
    texts.map(|t| t.map(|t| pg_text(&t).into_owned())).collect()
}

impl Tables for PgTables<'_, '_> {
    fn article_total(&mut self) -> Result<i64, StoreError> {
        self.count("SELECT count(*) FROM articles")
    }

    fn newest_row(&mut self) -> Result<i64, StoreError> {
        self.count("SELECT coalesce(max(id), 0) FROM articles")
    }

    fn known_hashes(&mut self, hashes: &[&str]) -> Result<FxHashSet<String>, StoreError> {
        let rows = self.query("SELECT hash FROM articles WHERE hash = ANY($1)", &[&hashes])?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn outlets_of(
        &mut self,
        hashes: &[&str],
    ) -> Result<FxHashMap<String, Option<String>>, StoreError> {
        let rows = self.query(
            "SELECT hash, source FROM articles WHERE hash = ANY($1)",
            &[&hashes],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn known_ids(&mut self, ids: &[&str]) -> Result<FxHashSet<String>, StoreError> {
        let ids: Vec<String> = ids.iter().map(|id| pg_text(id).into_owned()).collect();
        let rows = self.query(
            "SELECT DISTINCT doc_id FROM articles WHERE doc_id = ANY($1)",
            &[&ids],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn documents(&mut self, terms: &[&str]) -> Result<FxHashMap<String, i64>, StoreError> {
        let rows = self.query(
            "SELECT term, documents FROM terms WHERE term = ANY($1)",
            &[&terms],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn postings(
        &mut self,
        terms: &[&str],
        per_term: usize,
    ) -> Result<FxHashMap<String, Vec<(i64, f32)>>, StoreError> {
        let rows = self.query(
            "SELECT p.term, p.story, p.weight FROM unnest($1::text[]) AS t(term)
             CROSS JOIN LATERAL (
                 SELECT term, story, weight FROM story_terms WHERE term = t.term
                 ORDER BY story DESC LIMIT $2
             ) p
             ORDER BY p.term, p.story DESC",
            &[&terms, &(per_term as i64)],
        )?;
        let mut found: FxHashMap<String, Vec<(i64, f32)>> = FxHashMap::default();
        for row in rows {
            found
                .entry(row.get(0))
                .or_default()
                .push((row.get(1), row.get::<_, f64>(2) as f32));
        }
        Ok(found)
    }

    fn centroids(&mut self, stories: &[i64]) -> Result<FxHashMap<i64, Vector>, StoreError> {
        let rows = self.query(
            "SELECT story, term, weight FROM story_terms WHERE story = ANY($1)",
            &[&stories],
        )?;
        let mut found: FxHashMap<i64, Vector> = FxHashMap::default();
        for row in rows {
            found
                .entry(row.get(0))
                .or_default()
                .push((row.get(1), row.get::<_, f64>(2) as f32));
        }
        Ok(found)
    }

    fn shapes(&mut self, stories: &[i64]) -> Result<FxHashMap<i64, StoredShape>, StoreError> {
        let rows = self.query(
            "SELECT s.id, (SELECT count(*) FROM articles WHERE story = s.id), s.length, s.pair_sum,
                    (SELECT coalesce(min(id), 0) FROM articles WHERE story = s.id)
             FROM stories s WHERE s.id = ANY($1)",
            &[&stories],
        )?;
        let mut found: FxHashMap<i64, StoredShape> = rows
            .iter()
            .map(|r| {
                let shape = StoredShape {
                    articles: r.get(1),
                    length: r.get::<_, Option<f64>>(2).map(|l| l as f32),
                    pair_sum: r.get::<_, Option<f64>>(3).map(|s| s as f32),
                    particulars: Vec::new(),
                    first_row: r.get(4),
                };
                (r.get(0), shape)
            })
            .collect();
        let rows = self.query(
            "SELECT story, term, articles FROM story_particulars WHERE story = ANY($1)",
            &[&stories],
        )?;
        for row in rows {
            if let Some(shape) = found.get_mut(&row.get::<_, i64>(0)) {
                let articles: i64 = row.get(2);
                shape
                    .particulars
                    .push((row.get(1), u32::try_from(articles).unwrap_or(u32::MAX)));
            }
        }
        Ok(found)
    }

    fn new_story(&mut self, headline: &str) -> Result<i64, StoreError> {
        let statement =
            self.statement("INSERT INTO stories (headline, articles) VALUES ($1, 0) RETURNING id")?;
        let headline = pg_text(headline);
        Ok(self.tx.query_one(&statement, &[&headline.as_ref()])?.get(0))
    }

    fn merge(&mut self, into: i64, from: i64) -> Result<(), StoreError> {
        self.execute(
            "UPDATE articles SET story = $1 WHERE story = $2",
            &[&into, &from],
        )?;
        self.execute("DELETE FROM story_terms WHERE story = $1", &[&from])?;
        self.execute("DELETE FROM story_particulars WHERE story = $1", &[&from])?;
        self.execute("DELETE FROM stories WHERE id = $1", &[&from])?;
        Ok(())
    }

    fn insert_articles(&mut self, rows: &[NewArticle]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = rows
            .iter()
            .map(|r| pg_text(&r.article.id).into_owned())
            .collect();
        let hashes: Vec<&str> = rows.iter().map(|r| r.hash).collect();
        let titles = pg_texts(rows.iter().map(|r| r.article.title.clone()));
        let texts: Vec<String> = rows
            .iter()
            .map(|r| pg_text(&r.article.text).into_owned())
            .collect();
        let sources = pg_texts(rows.iter().map(|r| r.article.source.clone()));
        let urls = pg_texts(rows.iter().map(|r| r.article.url.clone()));
        let dates: Vec<Option<String>> = rows.iter().map(|r| r.date.clone()).collect();
        let stories: Vec<i64> = rows.iter().map(|r| r.story).collect();
        // In input order, so that row numbers follow it as in SQLite.
        self.execute(
            "INSERT INTO articles (doc_id, hash, title, text, source, url, date, story, added)
             SELECT d, h, t, x, s, u, dt, st, extract(epoch FROM now())::bigint
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                         $6::text[], $7::text[], $8::bigint[])
                  WITH ORDINALITY AS r(d, h, t, x, s, u, dt, st, n)
             ORDER BY n
             ON CONFLICT (hash) DO NOTHING",
            &[
                &ids, &hashes, &titles, &texts, &sources, &urls, &dates, &stories,
            ],
        )?;
        Ok(())
    }

    fn write_documents(&mut self, terms: &[(&str, i64)]) -> Result<(), StoreError> {
        let names: Vec<&str> = terms.iter().map(|(t, _)| *t).collect();
        let counts: Vec<i64> = terms.iter().map(|(_, n)| *n).collect();
        self.execute(
            "INSERT INTO terms (term, documents)
             SELECT * FROM unnest($1::text[], $2::bigint[])
             ON CONFLICT (term) DO UPDATE SET documents = excluded.documents",
            &[&names, &counts],
        )?;
        Ok(())
    }

    fn write_centroid(&mut self, story: i64, vector: &[(String, f32)]) -> Result<(), StoreError> {
        self.execute("DELETE FROM story_terms WHERE story = $1", &[&story])?;
        let terms: Vec<&str> = vector.iter().map(|(t, _)| t.as_str()).collect();
        let weights: Vec<f64> = vector.iter().map(|(_, w)| f64::from(*w)).collect();
        self.execute(
            "INSERT INTO story_terms (story, term, weight)
             SELECT $1, * FROM unnest($2::text[], $3::float8[])",
            &[&story, &terms, &weights],
        )?;
        Ok(())
    }

    fn write_shape(
        &mut self,
        story: i64,
        length: f32,
        pair_sum: f32,
        particulars: &[(&str, u32)],
    ) -> Result<(), StoreError> {
        self.execute(
            "UPDATE stories SET length = $2, pair_sum = $3 WHERE id = $1",
            &[&story, &f64::from(length), &f64::from(pair_sum)],
        )?;
        self.execute("DELETE FROM story_particulars WHERE story = $1", &[&story])?;
        let terms: Vec<String> = particulars
            .iter()
            .map(|(t, _)| pg_text(t).into_owned())
            .collect();
        let articles: Vec<i64> = particulars.iter().map(|(_, n)| i64::from(*n)).collect();
        self.execute(
            "INSERT INTO story_particulars (story, term, articles)
             SELECT $1, * FROM unnest($2::text[], $3::bigint[])",
            &[&story, &terms, &articles],
        )?;
        Ok(())
    }

    fn refresh_stories(&mut self, stories: &[i64]) -> Result<(), StoreError> {
        self.execute(
            "UPDATE stories s SET
                articles = a.n,
                first_seen = a.first,
                last_seen = a.last,
                headline = coalesce((SELECT title FROM articles
                    WHERE story = s.id AND title IS NOT NULL ORDER BY id LIMIT 1), s.headline),
                report = NULL,
                conflicts = NULL,
                failed = NULL
             FROM (SELECT story, count(*) AS n, min(date COLLATE \"C\") AS first,
                          max(date COLLATE \"C\") AS last
                   FROM articles WHERE story = ANY($1) GROUP BY story) a
             WHERE s.id = a.story",
            &[&stories],
        )?;
        Ok(())
    }

    fn stories_of(&mut self, hashes: &[&str]) -> Result<FxHashMap<String, i64>, StoreError> {
        let rows = self.query(
            "SELECT hash, story FROM articles WHERE hash = ANY($1)",
            &[&hashes],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn story_total(&mut self) -> Result<i64, StoreError> {
        self.count("SELECT count(*) FROM stories")
    }

    fn story_texts(&mut self, story: i64) -> Result<Vec<Article>, StoreError> {
        let rows = self.query(
            "SELECT title, text FROM articles WHERE story = $1 ORDER BY id",
            &[&story],
        )?;
        Ok(rows
            .iter()
            .map(|r| Article {
                title: r.get(0),
                text: r.get(1),
                ..Article::default()
            })
            .collect())
    }

    fn story_members(&mut self, story: i64) -> Result<Vec<(i64, Article)>, StoreError> {
        let rows = self.query(
            "SELECT id, title, text, date FROM articles WHERE story = $1 ORDER BY id",
            &[&story],
        )?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r.get(0),
                    Article {
                        title: r.get(1),
                        text: r.get(2),
                        date: r.get(3),
                        ..Article::default()
                    },
                )
            })
            .collect())
    }

    fn move_article(&mut self, row: i64, story: i64) -> Result<(), StoreError> {
        self.execute(
            "UPDATE articles SET story = $1 WHERE id = $2",
            &[&story, &row],
        )?;
        Ok(())
    }

    fn remove_story(&mut self, story: i64) -> Result<Option<usize>, StoreError> {
        // The row locked first: a server building its brief finishes before
        // it goes.
        let exists = self.query("SELECT 1 FROM stories WHERE id = $1 FOR UPDATE", &[&story])?;
        if exists.is_empty() {
            return Ok(None);
        }
        self.execute("DELETE FROM story_terms WHERE story = $1", &[&story])?;
        self.execute("DELETE FROM story_particulars WHERE story = $1", &[&story])?;
        let articles = self.execute("DELETE FROM articles WHERE story = $1", &[&story])?;
        self.execute("DELETE FROM stories WHERE id = $1", &[&story])?;
        self.execute("DELETE FROM terms WHERE documents <= 0", &[])?;
        Ok(Some(articles as usize))
    }
}
