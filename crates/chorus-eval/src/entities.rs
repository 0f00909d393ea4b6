//! How well the compare stage names entities and merges their spellings,
//! against hand labels (`eval/ENTITIES.md`).
//!
//! Names: an entity chorus lists is right when its name or one of its
//! aliases is a form of a labelled entity (case aside; a label's forms are
//! the aliases printed in the cluster); a labelled entity
//! is found when some listed entity is right about it. Merges: every pair
//! of distinct forms chorus puts in one entity is a link; a link is right
//! when both forms are forms of one labelled entity, and a labelled link
//! is found when some listed entity holds both forms.

use serde::{Deserialize, Serialize};

use chorus::Pipeline;
use chorus::model::{Entity, StoryInput};

use crate::facts::{Counts, LabelsError, read_lines};

/// One labelled entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelledEntity {
    /// Canonical full name.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Every surface form printed for it.
    pub aliases: Vec<String>,
    /// Documents naming it.
    #[serde(default)]
    pub docs: Vec<usize>,
}

/// The entity labels of one cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterEntities {
    /// Cluster id in the data file.
    pub cluster: String,
    /// Every named person, organisation, place and other named thing.
    pub entities: Vec<LabelledEntity>,
}

/// Results over every labelled cluster.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EntitiesEvaluation {
    /// Clusters scored.
    pub clusters: usize,
    /// Entity names.
    pub names: Counts,
    /// Alias merges (pairs of forms in one entity).
    pub merges: Counts,
    /// Of the listed entities that match a label, those of the labelled type.
    pub typed_right: usize,
    /// Listed entities that match a label.
    pub typed: usize,
    /// Per cluster: listed entities matching no label, as "cluster: name".
    pub wrong_names: Vec<String>,
    /// Labelled entities not listed.
    pub missed_names: Vec<String>,
    /// Merges of forms of different (or unlabelled) entities.
    pub wrong_merges: Vec<String>,
    /// Labelled merges not made.
    pub missed_merges: Vec<String>,
    /// Listed entities of another type than labelled ("name: chorus ≠ label").
    pub wrong_types: Vec<String>,
    /// Labelled clusters missing from the data.
    pub missing: Vec<String>,
}

/// Reads an entity label file: one JSON object per line; blank lines skipped.
pub fn read_labels(text: &str, name: &str) -> Result<Vec<ClusterEntities>, LabelsError> {
    read_lines(text, name)
}

/// Scores the compare stage's entities on `stories` against `labels`.
pub fn evaluate(stories: Vec<StoryInput>, labels: &[ClusterEntities]) -> EntitiesEvaluation {
    let mut result = EntitiesEvaluation::default();
    let mut pipeline = Pipeline::new();
    let mut by_id: rustc_hash::FxHashMap<String, StoryInput> =
        stories.into_iter().map(|s| (s.id.clone(), s)).collect();
    for label in labels {
        let Some(input) = by_id.remove(&label.cluster) else {
            result.missing.push(label.cluster.clone());
            continue;
        };
        let story = pipeline.prepare(input);
        let listed = pipeline.compare(&story).entities;
        score_cluster(&mut result, &label.cluster, &listed, &label.entities);
        result.clusters += 1;
    }
    result
}

/// The distinct forms of a name, in order of first use, each as its
/// spelling: lower case, without a leading "the" and without periods.
/// "Minn." and "Minn", "The Associated Press" and "Associated Press" are
/// one spelling printed two ways (chorus prints each spelling once), so a
/// labelled pair of them is no merge to find.
fn forms<'a>(names: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let lower = name.trim().to_lowercase();
        let unprefixed = lower.strip_prefix("the ").unwrap_or(&lower);
        let form: String = unprefixed.chars().filter(|&c| c != '.').collect();
        if !form.is_empty() && !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

/// Every pair of distinct forms, each pair in sorted order.
fn pairs(forms: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (n, a) in forms.iter().enumerate() {
        for b in &forms[n + 1..] {
            let pair = if a <= b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            };
            out.push(pair);
        }
    }
    out
}

/// Adds one cluster's scores to `result`.
pub fn score_cluster(
    result: &mut EntitiesEvaluation,
    cluster: &str,
    listed: &[Entity],
    labelled: &[LabelledEntity],
) {
    let listed_forms: Vec<Vec<String>> = listed
        .iter()
        .map(|e| forms(std::iter::once(&e.name).chain(&e.aliases)))
        .collect();
    // A label's forms are those printed: its canonical name may not be
    // ("Abraham Lincoln" for a cluster that only says "Lincoln").
    let labelled_forms: Vec<Vec<String>> = labelled
        .iter()
        .map(|e| {
            if e.aliases.is_empty() {
                forms([&e.name])
            } else {
                forms(&e.aliases)
            }
        })
        .collect();
    let matches = |listed: &[String], label: &[String]| listed.iter().any(|f| label.contains(f));
    result.names.reported += listed.len();
    result.names.labelled += labelled.len();
    for (entity, forms) in listed.iter().zip(&listed_forms) {
        match labelled_forms.iter().position(|l| matches(forms, l)) {
            Some(l) => {
                result.names.correct += 1;
                result.typed += 1;
                if entity.kind.as_str() == labelled[l].kind {
                    result.typed_right += 1;
                } else {
                    result.wrong_types.push(format!(
                        "{cluster}: {}: {} ≠ {}",
                        entity.name,
                        entity.kind.as_str(),
                        labelled[l].kind
                    ));
                }
            }
            None => result
                .wrong_names
                .push(format!("{cluster}: {}", entity.name)),
        }
    }
    for (entity, forms) in labelled.iter().zip(&labelled_forms) {
        if listed_forms.iter().any(|l| matches(l, forms)) {
            result.names.found += 1;
        } else {
            result
                .missed_names
                .push(format!("{cluster}: {}", entity.name));
        }
    }
    for (a, b) in listed_forms.iter().flat_map(|f| pairs(f)) {
        result.merges.reported += 1;
        if labelled_forms
            .iter()
            .any(|l| l.contains(&a) && l.contains(&b))
        {
            result.merges.correct += 1;
        } else {
            result.wrong_merges.push(format!("{cluster}: {a} ~ {b}"));
        }
    }
    for (a, b) in labelled_forms.iter().flat_map(|f| pairs(f)) {
        result.merges.labelled += 1;
        if listed_forms
            .iter()
            .any(|l| l.contains(&a) && l.contains(&b))
        {
            result.merges.found += 1;
        } else {
            result.missed_merges.push(format!("{cluster}: {a} ~ {b}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus::model::EntityKind;

    fn listed(name: &str, aliases: &[&str], kind: EntityKind) -> Entity {
        Entity {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind,
            sources: vec!["d0".into()],
            mentions: 1,
        }
    }

    fn labelled(name: &str, aliases: &[&str], kind: &str) -> LabelledEntity {
        LabelledEntity {
            name: name.to_string(),
            kind: kind.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            docs: vec![0],
        }
    }

    #[test]
    fn names_and_merges_are_scored_on_forms() {
        let labels = [
            // Only printed forms count: "Bashar Hafez al-Assad" is not one.
            labelled(
                "Bashar Hafez al-Assad",
                &["Bashar al-Assad", "Bashar al Assad", "Assad"],
                "person",
            ),
            labelled("Syria", &["Syria"], "place"),
            labelled("Kremlin", &["Kremlin"], "organization"),
        ];
        let found = [
            // Right name, one right merge, one wrong (another entity's form).
            listed("Bashar al-Assad", &["ASSAD", "Syria"], EntityKind::Person),
            // A split: "Bashar al Assad" alone is still a right name.
            listed("Bashar al Assad", &[], EntityKind::Other),
            // Not an entity.
            listed("Feb", &[], EntityKind::Other),
        ];
        let mut result = EntitiesEvaluation::default();
        score_cluster(&mut result, "c", &found, &labels);
        let names = result.names;
        assert_eq!((names.correct, names.reported), (2, 3));
        assert_eq!((names.found, names.labelled), (2, 3), "{result:?}");
        assert_eq!(result.missed_names, ["c: Kremlin"]);
        let merges = result.merges;
        // Listed pairs: assad/bashar al-assad (right), with syria twice (wrong).
        assert_eq!((merges.correct, merges.reported), (1, 3));
        // Labelled pairs: three among the Assad forms, one found.
        assert_eq!((merges.found, merges.labelled), (1, 3));
        assert_eq!((result.typed_right, result.typed), (1, 2));
    }

    #[test]
    fn one_spelling_printed_two_ways_is_no_merge() {
        let labels = [labelled(
            "Associated Press",
            &["The Associated Press", "Associated Press", "AP"],
            "organization",
        )];
        let found = [listed(
            "Associated Press",
            &["A.P."],
            EntityKind::Organization,
        )];
        let mut result = EntitiesEvaluation::default();
        score_cluster(&mut result, "c", &found, &labels);
        // One labelled pair (associated press ~ ap), found through "A.P.".
        assert_eq!((result.merges.found, result.merges.labelled), (1, 1));
        assert_eq!((result.merges.correct, result.merges.reported), (1, 1));
    }

    #[test]
    fn label_lines_read() {
        let line = r#"{"cluster": "c", "entities": [{"name": "Syria", "type": "place", "aliases": ["Syria"], "docs": [0]}]}"#;
        let labels = read_labels(line, "e.jsonl").unwrap();
        assert_eq!(labels[0].entities[0].kind, "place");
        assert!(read_labels("{}", "e.jsonl").is_err());
    }
}
