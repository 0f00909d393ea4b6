//! Clusters to summarize, each with the earlier sets of its topic: the DUC
//! 2007 update data lists, in an `earlier` key of a cluster line, the ids of
//! the sets whose articles the reader has already seen, and the set's
//! reference summaries say what is new given them.

use std::collections::HashMap;

use chorus::model::{Article, StoryInput};

/// One cluster to summarize.
#[derive(Debug, Clone)]
pub struct Task {
    /// The cluster (its articles and reference summaries).
    pub story: StoryInput,
    /// The articles of its earlier sets, oldest set first (empty for a
    /// cluster summarized on its own).
    pub earlier: Vec<Article>,
    /// How many earlier sets those articles come from.
    pub earlier_sets: usize,
}

impl Task {
    /// A cluster summarized on its own.
    pub fn alone(story: StoryInput) -> Task {
        Task {
            story,
            earlier: Vec::new(),
            earlier_sets: 0,
        }
    }
}

/// A cluster names an earlier set that is not in the data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cluster {cluster} follows set {missing}, which is not in the data")]
pub struct MissingSet {
    /// The cluster whose `earlier` key names the set.
    pub cluster: String,
    /// The set's id.
    pub missing: String,
}

/// The `earlier` keys of a cluster JSONL file: cluster id → the ids of the
/// sets before it. Lines without the key (or that are not JSON objects with
/// an id: the reader reports those) are left out.
pub fn read_earlier(text: &str) -> HashMap<String, Vec<String>> {
    let mut earlier = HashMap::new();
    for line in text.lines() {
        let Ok(serde_json::Value::Object(object)) = serde_json::from_str(line) else {
            continue;
        };
        let Some(id) = object.get("id").and_then(|v| v.as_str()) else {
            continue;
        };
        let Some(serde_json::Value::Array(ids)) = object.get("earlier") else {
            continue;
        };
        let ids: Vec<String> = ids
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        if !ids.is_empty() {
            earlier.insert(id.to_string(), ids);
        }
    }
    earlier
}

/// Pairs every story with the articles of the sets it follows (`earlier`,
/// as [`read_earlier`] reads it); a set it names must be among `stories`.
pub fn tasks(
    stories: Vec<StoryInput>,
    earlier: &HashMap<String, Vec<String>>,
) -> Result<Vec<Task>, MissingSet> {
    let by_id: HashMap<&str, &StoryInput> = stories.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut before = Vec::with_capacity(stories.len());
    for story in &stories {
        let mut articles = Vec::new();
        let sets = earlier
            .get(&story.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for id in sets {
            let Some(set) = by_id.get(id.as_str()) else {
                return Err(MissingSet {
                    cluster: story.id.clone(),
                    missing: id.clone(),
                });
            };
            articles.extend(set.articles.iter().cloned());
        }
        before.push((articles, sets.len()));
    }
    Ok(stories
        .into_iter()
        .zip(before)
        .map(|(story, (earlier, earlier_sets))| Task {
            story,
            earlier,
            earlier_sets,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_sets_are_joined() {
        let text = r#"{"id":"t-A","documents":[],"earlier":[]}
{"id":"t-B","documents":[],"earlier":["t-A"]}
not json
{"id":"t-C","earlier":["t-A","t-B"]}"#;
        let earlier = read_earlier(text);
        assert_eq!(earlier.len(), 2);
        let set = |id: &str, n: usize| {
            StoryInput::story(
                id,
                (0..n)
                    .map(|i| Article::new(format!("{id}{i}"), "Text."))
                    .collect(),
            )
        };
        let tasks = tasks(vec![set("t-A", 2), set("t-B", 1), set("t-C", 1)], &earlier)
            .expect("every set is there");
        let counts: Vec<(usize, usize)> = tasks
            .iter()
            .map(|t| (t.earlier.len(), t.earlier_sets))
            .collect();
        assert_eq!(counts, [(0, 0), (2, 1), (3, 2)]);
        let missing = super::tasks(vec![set("t-B", 1)], &earlier).unwrap_err();
        assert_eq!(missing.missing, "t-A");
    }
}
