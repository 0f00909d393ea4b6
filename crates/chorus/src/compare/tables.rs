//! Text full of figures: tables pasted as text, sports results, election
//! tallies, price lists. A sentence that gives many figures, in a report
//! that gives several such sentences, is a row of a list, not a claim: its figures are listed as facts but never called a
//! conflict with another report's (two tables' rows rarely line up, and a
//! row's neighbour is not what it contradicts). A report made mostly of
//! such rows gets a note saying it was too dense in figures to compare.

use rustc_hash::{FxHashMap, FxHashSet};

use super::facts::Mention;
use crate::model::FactKind;

/// Figures in one sentence from which it is a row of a list or table.
const ROW_FIGURES: usize = 5;
/// Crowded sentences a report must hold for them to be rows of a list.
const MIN_ROWS: usize = 3;
/// Figures a report must give before it can be called dense …
const DENSE_MIN_FIGURES: usize = 20;
/// … and the share of them in rows.
const DENSE_SHARE: f64 = 0.5;

/// The sentences (document, sentence) whose figures make a list.
pub(super) struct Rows(FxHashSet<(usize, usize)>);

impl Rows {
    /// The list-like sentences among `mentions`' (counts and lengths only:
    /// a sentence may date an event several ways).
    pub fn of(mentions: &[Mention]) -> Rows {
        let mut figures: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        for m in mentions.iter().filter(|m| counts(m)) {
            *figures.entry((m.document, m.sentence)).or_default() += 1;
        }
        let crowded: Vec<(usize, usize)> = figures
            .into_iter()
            .filter(|&(_, n)| n >= ROW_FIGURES)
            .map(|(place, _)| place)
            .collect();
        // One crowded sentence in a report is prose ("the quake killed
        // 312, injured 1,200, destroyed 3,000 homes …"); a list repeats
        // the shape sentence after sentence.
        let mut per_document: FxHashMap<usize, usize> = FxHashMap::default();
        for &(document, _) in &crowded {
            *per_document.entry(document).or_default() += 1;
        }
        Rows(
            crowded
                .into_iter()
                .filter(|(document, _)| per_document[document] >= MIN_ROWS)
                .collect(),
        )
    }

    /// Whether a claim stands in a row of a list.
    pub fn holds(&self, m: &Mention) -> bool {
        counts(m) && self.0.contains(&(m.document, m.sentence))
    }
}

fn counts(m: &Mention) -> bool {
    matches!(m.kind, FactKind::Quantity | FactKind::Duration)
}

/// A note for each report most of whose figures stand in rows of lists.
pub(super) fn dense_notes(mentions: &[Mention], ids: &[String]) -> Vec<String> {
    let rows = Rows::of(mentions);
    // Per document: (figures, figures in rows).
    let mut tally: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
    for m in mentions.iter().filter(|m| counts(m)) {
        let entry = tally.entry(m.document).or_default();
        entry.0 += 1;
        if rows.holds(m) {
            entry.1 += 1;
        }
    }
    let mut dense: Vec<(usize, usize, usize)> = tally
        .into_iter()
        .filter(|&(_, (all, in_rows))| {
            all >= DENSE_MIN_FIGURES && in_rows as f64 >= DENSE_SHARE * all as f64
        })
        .map(|(d, (all, in_rows))| (d, all, in_rows))
        .collect();
    dense.sort_unstable();
    dense
        .into_iter()
        .map(|(d, all, in_rows)| {
            format!(
                "{}: too dense in figures to compare ({in_rows} of its {all} figures are in lists or tables): they are listed, never called a conflict",
                ids.get(d).map_or("?", String::as_str)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(document: usize, sentence: usize, value: f64) -> Mention {
        Mention {
            sentence,
            text: value.to_string(),
            ..crate::compare::facts::tests::count(document, value, "point", &[1, 2, 3])
        }
    }

    #[test]
    fn a_sentence_of_many_figures_is_a_row() {
        // "Reds 3, Blues 1, Greens 2, Golds 0, Whites 4", three times over
        // in one report: rows; one such sentence in another report: prose.
        let mut mentions: Vec<Mention> = (0..15).map(|v| figure(0, v / 5, v as f64)).collect();
        mentions.push(figure(0, 3, 12.0));
        mentions.extend((0..5).map(|v| figure(1, 0, v as f64)));
        let rows = Rows::of(&mentions);
        assert!(rows.holds(&mentions[0]) && rows.holds(&mentions[14]));
        assert!(!rows.holds(&mentions[15]));
        assert!(!rows.holds(&mentions[16]));
    }

    #[test]
    fn a_report_made_of_tables_is_named_in_a_note() {
        let ids: Vec<String> = ["results", "story"].map(String::from).to_vec();
        let mut mentions: Vec<Mention> = (0..30).map(|v| figure(0, v / 6, v as f64)).collect();
        mentions.extend((0..30).map(|v| figure(1, v, v as f64)));
        let notes = dense_notes(&mentions, &ids);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("results: too dense in figures"),
            "{notes:?}"
        );
    }
}
