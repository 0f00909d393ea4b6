//! JSONL: one JSON object per line, either an article
//! (`id, title, text, source, url, date`) or a cluster
//! (`id, documents: [article…], summaries: [str…]`), which is one story.

use serde_json::{Map, Value};

use crate::model::{Article, StoryInput};

use super::{ReadError, ReadErrorKind};

/// What one JSONL file held.
#[derive(Debug, Default)]
pub struct ParsedJsonl {
    /// Article lines, in order.
    pub articles: Vec<Article>,
    /// Cluster lines, one story each.
    pub stories: Vec<StoryInput>,
    /// Lines that could not be used.
    pub errors: Vec<ReadError>,
}

/// Parses JSONL content; `path` names the file in errors, `stem` makes ids.
pub fn parse_jsonl(path: &str, stem: &str, content: &str) -> ParsedJsonl {
    let mut parsed = ParsedJsonl::default();
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => read_value(&mut parsed, path, stem, number, value),
            Err(err) => {
                let error = ReadError::at_line(path, number, ReadErrorKind::Json(err));
                parsed.errors.push(error);
            }
        }
    }
    parsed
}

/// Reads JSON values already parsed (a request's array of articles) as
/// the lines of a JSONL file: the first is line 1.
pub fn parse_values(path: &str, stem: &str, values: Vec<Value>) -> ParsedJsonl {
    let mut parsed = ParsedJsonl::default();
    for (index, value) in values.into_iter().enumerate() {
        read_value(&mut parsed, path, stem, index + 1, value);
    }
    parsed
}

/// One line's value: an article, a cluster, or an error naming the line.
fn read_value(parsed: &mut ParsedJsonl, path: &str, stem: &str, number: usize, value: Value) {
    let error = |kind: ReadErrorKind| ReadError::at_line(path, number, kind);
    let Value::Object(object) = value else {
        parsed.errors.push(error(ReadErrorKind::NotAnObject));
        return;
    };
    if object.contains_key("documents") {
        match cluster(&object, &format!("{stem}-{number}")) {
            Ok((mut story, problems)) => {
                super::finish::finish_story(&mut story);
                parsed.errors.extend(problems.into_iter().map(&error));
                for article in &story.articles {
                    if let Some(problem) = date_problem(article) {
                        parsed.errors.push(error(problem));
                    }
                }
                parsed.stories.push(story);
            }
            Err(kind) => parsed.errors.push(error(kind)),
        }
    } else {
        match article(&object, format!("{stem}-{number}")) {
            Ok(mut article) => {
                super::finish::finish_article(&mut article);
                if let Some(problem) = date_problem(&article) {
                    parsed.errors.push(error(problem));
                }
                parsed.articles.push(article);
            }
            Err(kind) => parsed.errors.push(error(kind)),
        }
    }
}

/// A cluster line; a bad document is reported and the rest of the cluster kept.
fn cluster(
    object: &Map<String, Value>,
    default_id: &str,
) -> Result<(StoryInput, Vec<ReadErrorKind>), ReadErrorKind> {
    let id = id_field(object).unwrap_or_else(|| default_id.to_string());
    let Some(Value::Array(documents)) = object.get("documents") else {
        return Err(ReadErrorKind::FieldType {
            field: "documents",
            expected: "be an array of articles",
        });
    };
    let mut articles = Vec::with_capacity(documents.len());
    let mut problems = Vec::new();
    for (i, document) in documents.iter().enumerate() {
        let parsed = match document {
            Value::Object(document) => article(document, format!("{id}-d{i}")),
            _ => Err(ReadErrorKind::NotAnObject),
        };
        match parsed {
            Ok(article) => articles.push(article),
            Err(problem) => problems.push(ReadErrorKind::Document {
                cluster: id.clone(),
                index: i,
                problem: Box::new(problem),
            }),
        }
    }
    if articles.is_empty() {
        return Err(ReadErrorKind::EmptyCluster(id));
    }
    let references = match object.get("summaries") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|s| {
                s.as_str()
                    .map(str::to_string)
                    .ok_or(ReadErrorKind::FieldType {
                        field: "summaries",
                        expected: "hold strings",
                    })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(ReadErrorKind::FieldType {
                field: "summaries",
                expected: "be an array",
            });
        }
    };
    let story = StoryInput {
        id,
        articles,
        references,
        loose: false,
    };
    Ok((story, problems))
}

fn article(object: &Map<String, Value>, default_id: String) -> Result<Article, ReadErrorKind> {
    let text = match object.get("text") {
        Some(Value::String(text)) => text.clone(),
        Some(_) => {
            return Err(ReadErrorKind::FieldType {
                field: "text",
                expected: "be a string",
            });
        }
        None => return Err(ReadErrorKind::MissingField("text")),
    };
    if text.trim().is_empty() {
        return Err(ReadErrorKind::ArticleWithoutText);
    }
    Ok(Article {
        id: id_field(object).unwrap_or(default_id),
        title: string_field(object, "title")?,
        text,
        source: string_field(object, "source")?,
        url: string_field(object, "url")?,
        date: string_field(object, "date")?,
        notes: Vec::new(),
    })
}

/// A date the pipeline will not use; the article itself is kept (its date
/// is shown as given).
fn date_problem(article: &Article) -> Option<ReadErrorKind> {
    let date = article.date.as_deref()?;
    let problem = super::publication_date_problem(date)?;
    Some(ReadErrorKind::Date {
        article: article.id.clone(),
        problem,
    })
}

fn id_field(object: &Map<String, Value>) -> Option<String> {
    match object.get("id")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn string_field(
    object: &Map<String, Value>,
    key: &'static str,
) -> Result<Option<String>, ReadErrorKind> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(ReadErrorKind::FieldType {
            field: key,
            expected: "be a string or null",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_dates_are_reported_and_the_article_kept() {
        let content = r#"{"id":"a","text":"Body.","date":"3024-01-01"}
{"id":"b","text":"Body.","date":"yesterday-ish"}
{"id":"c","text":"Body.","date":"2024-03-15T10:00:00Z"}
"#;
        let parsed = parse_jsonl("in.jsonl", "in", content);
        assert_eq!(parsed.articles.len(), 3);
        let errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "in.jsonl:1: article a: date \"3024-01-01\" is implausible (year 3024)"
            )
        );
        assert!(
            errors[1].starts_with("in.jsonl:2: article b: date \"yesterday-ish\" is not a date")
        );
    }

    #[test]
    fn parsed_values_are_read_as_lines() {
        let values: Vec<Value> = serde_json::from_str(
            r#"[{"id":"a","text":"Body."}, 7, {"title":"no text"}, {"text":"Two."}]"#,
        )
        .unwrap_or_default();
        let parsed = parse_values("request", "article", values);
        let ids: Vec<&str> = parsed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "article-4"]);
        let errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "request:2: expected a JSON object",
                "request:3: missing \"text\""
            ]
        );
    }

    #[test]
    fn control_codes_are_stripped_before_dates_are_read() {
        // As `POST /api/articles` hands its body over.
        let values: Vec<Value> = serde_json::from_str(
            r#"[{"id":"a\u001b[2J","title":"T\u001b[41m","text":"Body\u009b1m.","date":"2023-03-16\u001b[K"},
                {"id":"c","documents":[{"text":"Doc\u0007."}],"summaries":["Ref\u001b[0m."]}]"#,
        )
        .unwrap_or_default();
        let parsed = parse_values("request", "article", values);
        assert!(
            parsed.errors.is_empty(),
            "the date reads: {:?}",
            parsed.errors
        );
        let article = &parsed.articles[0];
        assert_eq!(
            (
                article.id.as_str(),
                article.title.as_deref(),
                article.text.as_str()
            ),
            ("a", Some("T"), "Body.")
        );
        assert_eq!(article.date.as_deref(), Some("2023-03-16"));
        assert_eq!(
            article.notes,
            ["removed 4 terminal control codes (escape sequences or control characters)"]
        );
        let story = &parsed.stories[0];
        assert_eq!(story.articles[0].text, "Doc.");
        assert_eq!(story.references, ["Ref."]);
    }

    #[test]
    fn articles_clusters_and_errors() {
        let content = r#"{"id":"a1","title":"T","text":"Body one.","source":"Wire"}
{"text":"Body two."}
not json
{"id":"c1","documents":[{"text":"Doc."},{"id":"x","text":"Other."}],"summaries":["Ref."]}

{"title":"no text"}
[1,2]
{"id":"c2","documents":[{"text":""},{"text":"Kept."}]}
"#;
        let parsed = parse_jsonl("in.jsonl", "in", content);
        assert_eq!(parsed.articles.len(), 2);
        assert_eq!(parsed.articles[0].source.as_deref(), Some("Wire"));
        assert_eq!(parsed.articles[1].id, "in-2");
        assert_eq!(parsed.stories.len(), 2);
        assert_eq!(parsed.stories[1].articles.len(), 1);
        assert_eq!(parsed.stories[0].articles[0].id, "c1-d0");
        assert_eq!(parsed.stories[0].articles[1].id, "x");
        assert_eq!(parsed.stories[0].references, ["Ref."]);
        let lines: Vec<_> = parsed.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(3), Some(6), Some(7), Some(8)]);
        assert!(matches!(parsed.errors[0].kind, ReadErrorKind::Json(_)));
        assert!(
            parsed.errors[0]
                .to_string()
                .starts_with("in.jsonl:3: invalid JSON")
        );
        assert!(matches!(
            parsed.errors[1].kind,
            ReadErrorKind::MissingField("text")
        ));
        assert!(matches!(parsed.errors[2].kind, ReadErrorKind::NotAnObject));
        assert_eq!(
            parsed.errors[3].to_string(),
            "in.jsonl:8: cluster c2, document 0: article has no text"
        );
    }
}
