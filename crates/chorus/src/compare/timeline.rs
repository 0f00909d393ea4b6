//! The timeline: the story's dated events, earliest first.
//!
//! A row is one event on one date: the date mentions that resolve to the
//! same day, month or year in sentences about the same thing (their
//! context words overlap). It cites only the reports that date that event
//! so, shows the sentence that states it most as the others do, and says
//! how its date was found: as written, or read against which date.

use rustc_hash::FxHashMap;

use super::facts::{Mention, dice};
use crate::model::TimelineEvent;
use crate::scan::tokens::Sentence;

/// Context words (Dice) two mentions of one date share to date one event.
const SAME_EVENT: f32 = 0.15;

/// A date mention for the timeline: the claim, whether it was written in
/// full, and how a relative one was read.
pub(super) struct Dated<'a> {
    /// The date claim (resolved, with its context).
    pub mention: &'a Mention,
    /// Written with no need of an anchor ("1994", "15 March 2023").
    pub absolute: bool,
    /// How it was read when relative ("read against its publication
    /// date, 2023-03-16").
    pub how: String,
}

struct Row {
    date: String,
    first_day: i64,
    members: Vec<usize>,
}

/// The timeline of a story from its resolved date mentions.
pub(super) fn timeline(
    dated: &[Dated],
    sentences: &[Sentence],
    ids: &[String],
) -> Vec<TimelineEvent> {
    let by_place: FxHashMap<(usize, usize), &str> = sentences
        .iter()
        .map(|s| ((s.document, s.position), s.text))
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    for (i, d) in dated.iter().enumerate() {
        let Some(date) = d.mention.resolved.as_deref() else {
            continue;
        };
        let home = rows.iter_mut().find(|row| {
            row.date == date
                && row
                    .members
                    .iter()
                    .any(|&j| dice(&dated[j].mention.context, &d.mention.context) >= SAME_EVENT)
        });
        match home {
            Some(row) => row.members.push(i),
            None => rows.push(Row {
                date: date.to_string(),
                first_day: d.mention.value as i64,
                members: vec![i],
            }),
        }
    }
    let mut events: Vec<(i64, TimelineEvent)> = rows
        .into_iter()
        .filter_map(|row| {
            // The sentence most like the others that date the event.
            let central = *row.members.iter().max_by(|&&a, &&b| {
                let closeness = |x: usize| -> f32 {
                    row.members
                        .iter()
                        .filter(|&&y| y != x)
                        .map(|&y| dice(&dated[x].mention.context, &dated[y].mention.context))
                        .sum()
                };
                closeness(a)
                    .total_cmp(&closeness(b))
                    // The earlier document wins a tie.
                    .then(b.cmp(&a))
            })?;
            let m = dated[central].mention;
            let text = by_place.get(&(m.document, m.sentence))?.to_string();
            let mut documents: Vec<usize> = row
                .members
                .iter()
                .map(|&i| dated[i].mention.document)
                .collect();
            documents.sort_unstable();
            documents.dedup();
            // How the date was found: written in full by a report, else
            // read against an anchor.
            let how = match row.members.iter().find(|&&i| dated[i].absolute) {
                Some(&i) => format!(
                    "written \"{}\" ({})",
                    dated[i].mention.text, ids[dated[i].mention.document]
                ),
                None => format!(
                    "\"{}\" ({}) {}",
                    m.text, ids[m.document], dated[central].how
                ),
            };
            Some((
                row.first_day,
                TimelineEvent {
                    date: row.date,
                    text,
                    sources: documents.iter().map(|&d| ids[d].clone()).collect(),
                    how,
                },
            ))
        })
        .collect();
    // Earliest first; a day before the month and year that contain it.
    events.sort_by(|(a, x), (b, y)| {
        a.cmp(b)
            .then(y.date.len().cmp(&x.date.len()))
            .then(y.sources.len().cmp(&x.sources.len()))
    });
    events.into_iter().map(|(_, e)| e).collect()
}
