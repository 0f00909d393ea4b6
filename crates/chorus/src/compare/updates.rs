//! Updates: a tally that grew between dated reports ("100 dead" one day,
//! "the toll rose to 300" the next) is the news moving on, not sources
//! contradicting each other.
//!
//! A row is an update when every pair of its claims that cannot both be
//! true comes from reports published on different days and the later
//! report gives the larger figure of a count (people, deaths, cases,
//! prescriptions…): tallies of an ongoing event only grow. Shares,
//! amounts of money, measures, dates and times change both ways, and a
//! later, smaller count is a correction or a different scope: those stay
//! conflicts. An earthquake's magnitude is an estimate revised either way
//! as it is worked out: estimates that the latest reports settle are
//! updates too.

use chrono::NaiveDate;

use super::counted_noun;
use super::facts::{Mention, Relation, compatible, magnitude, relation, same_scope};
use crate::model::{Bound, Claim, FactKind};
use crate::scan::{lexicon, quantity};

/// Whether the claims that disagree (`disagreeing`, pairs of indexes into
/// `mentions`) are a count growing from one dated report to a later one,
/// or an estimate revised (see [`revised`]). `published` holds each
/// document's publication date.
pub(super) fn grew_over_time(
    mentions: &[Mention],
    disagreeing: &[(usize, usize)],
    published: &[Option<NaiveDate>],
) -> bool {
    if !disagreeing.is_empty()
        && disagreeing
            .iter()
            .all(|&(i, j)| revised(&mentions[i], &mentions[j]))
    {
        return settled_later(mentions, disagreeing, published);
    }
    !disagreeing.is_empty()
        && disagreeing.iter().all(|&(i, j)| {
            let (a, b) = (&mentions[i], &mentions[j]);
            let (Some(day_a), Some(day_b)) = (day_of(a, published), day_of(b, published)) else {
                return false;
            };
            let (earlier, later) = match day_a.cmp(&day_b) {
                std::cmp::Ordering::Less => (a, b),
                std::cmp::Ordering::Greater => (b, a),
                std::cmp::Ordering::Equal => return false,
            };
            // A stock counted without an event ("144 settlements", "190
            // settlements") is not a running tally: two figures days apart
            // are two sources' counts, not the count moving on.
            let running = a.event.is_some() || b.event.is_some();
            let rose = later.range.0 > earlier.range.1;
            rose && ((is_tally(a) && is_tally(b) && running) || (area(a) && area(b)))
        })
}

/// Whether a claim is an area: land burned, flooded or searched grows
/// from one day's report to the next ("250,000 acres", "278,000 acres").
fn area(m: &Mention) -> bool {
    m.kind == FactKind::Quantity
        && m.unit
            .as_deref()
            .and_then(lexicon::measure_base)
            .is_some_and(|(class, _)| class == "area")
}

/// Whether two claims are estimates that later reports revise, up or
/// down: an earthquake's magnitude is first read from the first waves
/// recorded, by several agencies at once ("7.5 by the MIT scientists, 6.8
/// by Turkish scientists"), and settled days on ("a preliminary magnitude
/// of 7.8", "downgraded that to 7.4").
fn revised(a: &Mention, b: &Mention) -> bool {
    magnitude(a) && magnitude(b) && a.event == Some(quantity::EARTHQUAKE) && a.event == b.event
}

/// Whether estimates that disagree were settled: each disagreeing pair
/// holds a claim of a report published before the latest report of the
/// pairs, so the latest reports agree among themselves. Estimates of one
/// day that a later report settles are superseded, not contradicted, even
/// when the later figure is neither of them ("8.9" and "9.0" one day,
/// "8.8" the next: the agencies' readings moved on).
fn settled_later(
    mentions: &[Mention],
    disagreeing: &[(usize, usize)],
    published: &[Option<NaiveDate>],
) -> bool {
    let days: Option<Vec<(NaiveDate, NaiveDate)>> = disagreeing
        .iter()
        .map(|&(i, j)| {
            Some((
                day_of(&mentions[i], published)?,
                day_of(&mentions[j], published)?,
            ))
        })
        .collect();
    let Some(days) = days else {
        return false;
    };
    let Some(latest) = days.iter().map(|&(a, b)| a.max(b)).max() else {
        return false;
    };
    days.iter().all(|&(a, b)| a.min(b) < latest)
}

/// Sentences from a report's start within which its first count of an
/// event is the report's headline count of it (the lead and what follows).
const LEAD_SENTENCES: usize = 4;
/// Reports whose headline counts make a running tally at least: two
/// reports a day apart giving "about 30 detained" and "more than 200
/// detained" may count two raids.
const RUNNING_REPORTS: usize = 3;
/// How many times over a running tally may grow in a day at most …
const DAILY_GROWTH: f64 = 10.0;
/// … and over its whole course (the 1999 Turkish earthquake's toll went
/// from 600 to more than 17,000 in eight days).
const MOST_GROWTH: f64 = 30.0;
/// Days within which a story's headline counts are one running tally: a
/// disaster's toll is restated for weeks, and counts months apart are
/// more often of another event of the same kind.
const RUNNING_DAYS: i64 = SAME_MOMENT_DAYS;

/// A story's running tallies: for each event counted ("killed",
/// "injured"), the first count of it in each dated report's lead, when
/// those counts, taken in the order of their reports' dates, never fall
/// and rise at least once ("at least 600 dead" on the 17th, "3,879
/// bodies" on the 18th, "risen to 7,085" on the 20th). Such counts are
/// one tally moving on however differently the reports word them, which
/// context alone does not show: their sentences often share no word but
/// the event's. At least one of them must be said of a running total
/// ("the death toll climbed"): counts of one event on successive days,
/// none said to add up, may be three attacks' dead. Each tally is a list
/// of indexes into `mentions`; `source` maps each document to the first
/// document with its id (two documents with one id are one report).
pub(super) fn running_tallies(
    mentions: &[Mention],
    published: &[Option<NaiveDate>],
    source: &[usize],
    in_a_list: impl Fn(&Mention) -> bool,
) -> Vec<Vec<usize>> {
    // A count of people or things as it stands: not a part of another
    // count, a forecast, a word for an order of magnitude or a row of a
    // list.
    let plain_count = |m: &Mention| {
        is_tally(m) && !m.part && !m.forecast && m.bound != Bound::OrderOf && !in_a_list(m)
    };
    // The first such count of each dated report, by event and unit.
    type Tallied<'m> = (&'static str, Option<&'m str>);
    let mut headline: Vec<(Tallied<'_>, usize, NaiveDate, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(event) = m.event else { continue };
        let Some(day) = day_of(m, published) else {
            continue;
        };
        let report = source.get(m.document).copied().unwrap_or(m.document);
        if m.sentence >= LEAD_SENTENCES || !plain_count(m) {
            continue;
        }
        let key = (event, super::facts::unit_class(m));
        if !headline
            .iter()
            .any(|&(k, earlier, ..)| k == key && earlier == report)
        {
            headline.push((key, report, day, i));
        }
    }
    let mut keys: Vec<Tallied<'_>> = headline.iter().map(|h| h.0).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut tallies = Vec::new();
    for key in keys {
        let mut counts: Vec<(NaiveDate, usize)> = headline
            .iter()
            .filter(|h| h.0 == key)
            .map(|&(_, _, day, i)| (day, i))
            .collect();
        counts.sort_unstable();
        let (Some(first), Some(last)) = (counts.first(), counts.last()) else {
            continue;
        };
        if counts.len() < RUNNING_REPORTS
            || first.0 == last.0
            || (last.0 - first.0).num_days() > RUNNING_DAYS
            || !counts.iter().any(|&(_, i)| mentions[i].cumulative)
        {
            continue;
        }
        if !rises_steadily(mentions, &counts) {
            continue;
        }
        let mut tally: Vec<(NaiveDate, usize)> = counts;
        // Other counts of the tally's days join it when they tell one
        // of its figures ("over 12,000" beside "some 12,040" on the
        // 22nd) and keep it from falling.
        for (i, m) in mentions.iter().enumerate() {
            let Some(day) = day_of(m, published) else {
                continue;
            };
            if m.event != Some(key.0)
                || super::facts::unit_class(m) != key.1
                || !plain_count(m)
                || tally.iter().any(|&(_, j)| j == i)
            {
                continue;
            }
            let same_day: Vec<&Mention> = tally
                .iter()
                .filter(|&&(d, _)| d == day)
                .map(|&(_, j)| &mentions[j])
                .collect();
            let told = !same_day.is_empty()
                && same_day.iter().all(|t| compatible(t, m))
                && same_day
                    .iter()
                    .any(|t| relation(t, m) != Relation::Unrelated);
            let in_order = tally.iter().all(|&(d, j)| {
                let t = &mentions[j];
                (d >= day || never_fell(t, m)) && (d <= day || never_fell(m, t))
            });
            if told && in_order {
                tally.push((day, i));
            }
        }
        let mut tally: Vec<usize> = tally.into_iter().map(|(_, i)| i).collect();
        tally.sort_unstable();
        tallies.push(tally);
    }
    tallies
}

/// Days apart within which two reports' dates and times are of the same
/// occasion: a "Friday" or "May 20" in reports weeks apart is most often
/// another Friday's event, not a disagreement.
const SAME_OCCASION_DAYS: i64 = 3;
/// Days apart within which two reports' magnitudes are of one quake: a
/// magnitude is settled within days, and one given weeks on is most often
/// another quake's (an aftershock, the next quake on the fault).
const REVISION_DAYS: i64 = 7;
/// Days apart within which two reports' shares, amounts and measures are
/// of the same moment: rates, prices and totals are restated as they
/// change over months.
const SAME_MOMENT_DAYS: i64 = 30;

/// Days in a year, to tell how much older a person may have grown
/// between two reports.
const DAYS_A_YEAR: f64 = 365.25;

/// How surely two claims are about the same thing, given when their
/// reports were published: claims that [`relation`] ties surely are only
/// loosely tied when their reports are too far apart for the figure to
/// be the same one. A count that grew is kept (it is an update); one that
/// shrank months later counts another scope or season.
pub(super) fn in_time(a: &Mention, b: &Mention, published: &[Option<NaiveDate>]) -> Relation {
    let related = relation(a, b);
    if related != Relation::Strong {
        return related;
    }
    let (Some(day_a), Some(day_b)) = (day_of(a, published), day_of(b, published)) else {
        return related;
    };
    let apart = (day_a - day_b).num_days().abs();
    let limit = match a.kind {
        FactKind::Date | FactKind::Time => SAME_OCCASION_DAYS,
        _ if revised(a, b) => REVISION_DAYS,
        _ => SAME_MOMENT_DAYS,
    };
    // "Hundreds" one day and "107" or "11,759" days later: a word for
    // an order of magnitude tells too little to say the count moved or
    // was contradicted.
    if apart > 0 && (a.bound == Bound::OrderOf || b.bound == Bound::OrderOf) {
        return Relation::Loose;
    }
    let (earlier, later) = if day_a <= day_b { (a, b) } else { (b, a) };
    // A person's age moves on by a year a year, never back: months
    // apart, "22" and then "21" cannot both be true, "21" and then "22"
    // can.
    if a.event == Some("age") && b.event == Some("age") && apart > limit {
        let most = (apart as f64 / DAYS_A_YEAR).floor() + 1.0;
        let older = later.range.0 - earlier.range.1;
        return if older > 0.0 && older <= most {
            Relation::Loose
        } else {
            related
        };
    }
    // Only a count an event names ("killed", "infected") is a tally known
    // to grow; months apart, "22 tribes" and "23 tribes" may count two
    // different sets.
    let grew = is_tally(a) && is_tally(b) && a.event.is_some() && later.range.0 > earlier.range.1;
    if apart > limit && !grew {
        Relation::Loose
    } else {
        related
    }
}

/// Whether headline counts in date order (`counts`: report date, index
/// into `mentions`) are one tally running on: every later report's count
/// at least what every earlier one allows, one surely larger, none more
/// than [`DAILY_GROWTH`] times larger a day on (nor [`MOST_GROWTH`] in
/// all), and counts of one day one scope.
fn rises_steadily(mentions: &[Mention], counts: &[(NaiveDate, usize)]) -> bool {
    let pairs = || {
        counts.iter().enumerate().flat_map(move |(n, &(day, i))| {
            counts[n + 1..]
                .iter()
                .map(move |&(other, j)| (day, &mentions[i], other, &mentions[j]))
        })
    };
    // Counts of one day differ as the tally moves within it, by a little:
    // "700" and "5,900" on one day count two things.
    let one_scope = pairs()
        .filter(|&(day, _, other, _)| other == day)
        .all(|(_, a, _, b)| same_scope(a, b));
    let mut grew = false;
    let steady = pairs().filter(|&(day, _, other, _)| other > day).all(
        |(day, earlier, later_day, later)| {
            // A toll may grow sixfold in a day, not a hundredfold: "3,000
            // children every day" and "1 million children every year"
            // count other scopes.
            let days = (later_day - day).num_days() as f64;
            let most = (DAILY_GROWTH * days).min(MOST_GROWTH);
            if later.value > earlier.value.max(1.0) * most {
                return false;
            }
            // "At least 600" one day, "3,879" the next: the count rose
            // past the figure given.
            let given = if earlier.range.1.is_infinite() {
                earlier.value
            } else {
                earlier.range.1
            };
            grew |= later.range.0 > given;
            never_fell(earlier, later)
        },
    );
    one_scope && steady && grew
}

/// Whether a later count allows at least what an earlier one does.
fn never_fell(earlier: &Mention, later: &Mention) -> bool {
    later.range.1 >= earlier.range.0
}

/// The publication date of a claim's report, when it has one.
fn day_of(m: &Mention, published: &[Option<NaiveDate>]) -> Option<NaiveDate> {
    published.get(m.document).copied().flatten()
}

/// A count of people or things: a quantity in a counted noun, or one an
/// event names ("230 were killed").
fn is_tally(mention: &Mention) -> bool {
    mention.kind == FactKind::Quantity
        && mention.unit.as_deref().is_some_and(counted_noun)
        && mention.event != Some("age")
}

/// Puts an update's claims in time order: by the earliest publication
/// date among each claim's sources (undated last), then by value.
pub(super) fn in_time_order(claims: &mut [Claim], ids: &[String], published: &[Option<NaiveDate>]) {
    let first_day = |claim: &Claim| {
        claim
            .sources
            .iter()
            .filter_map(|id| ids.iter().position(|x| x == id))
            .filter_map(|d| published.get(d).copied().flatten())
            .min()
    };
    claims.sort_by(|a, b| {
        let (x, y) = (first_day(a), first_day(b));
        // Undated claims after dated ones.
        x.is_none()
            .cmp(&y.is_none())
            .then(x.cmp(&y))
            .then(a.value.total_cmp(&b.value))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bound;

    fn count(document: usize, value: f64) -> Mention {
        Mention {
            document,
            sentence: 0,
            kind: FactKind::Quantity,
            value,
            high: None,
            bound: Bound::Exact,
            range: (value, value),
            unit: Some("people".into()),
            resolved: None,
            text: format!("{value} dead"),
            event: Some("killed"),
            elliptical: false,
            age_of: None,
            holder: None,
            token: 0,
            inferred: false,
            part: false,
            forecast: false,
            cumulative: false,
            topic: None,
            weak_topic: None,
            whole: None,
            conversion: None,
            distance: None,
            context: Vec::new(),
            context_words: Vec::new(),
        }
    }

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2023, 2, d)
    }

    #[test]
    fn a_count_growing_between_dated_reports_is_an_update() {
        let mentions = [count(0, 100.0), count(1, 300.0)];
        let pair = [(0, 1)];
        assert!(grew_over_time(&mentions, &pair, &[day(6), day(7)]));
        // Smaller later: a correction or another scope, still a conflict.
        assert!(!grew_over_time(&mentions, &pair, &[day(7), day(6)]));
        // Same day, or undated: sources disagree.
        assert!(!grew_over_time(&mentions, &pair, &[day(6), day(6)]));
        assert!(!grew_over_time(&mentions, &pair, &[day(6), None]));
        // Money and shares move both ways.
        let mut dollars = mentions.clone();
        for m in &mut dollars {
            m.unit = Some("USD".into());
        }
        assert!(!grew_over_time(&dollars, &pair, &[day(6), day(7)]));
        // A stock no event counts ("144 settlements", "190 settlements")
        // does not run up in two days: two sources' counts.
        let mut stock = mentions.clone();
        for m in &mut stock {
            m.unit = Some("settlement".into());
            m.event = None;
        }
        assert!(!grew_over_time(&stock, &pair, &[day(6), day(7)]));
        // Land a fire burned grows from one day's report to the next,
        // though no event word counts it.
        let mut burned = [count(0, 250_000.0), count(1, 278_000.0)];
        for m in &mut burned {
            m.unit = Some("acre".into());
            m.event = None;
        }
        assert!(grew_over_time(&burned, &pair, &[day(6), day(7)]));
        assert!(!grew_over_time(&burned, &pair, &[day(7), day(6)]));
    }

    #[test]
    fn a_magnitude_the_latest_reports_settle_is_an_update_either_way() {
        let magnitude = |document: usize, value: f64| {
            let mut m = count(document, value);
            m.unit = Some(quantity::MAGNITUDE.into());
            m.event = Some(quantity::EARTHQUAKE);
            m
        };
        // 6.7 and 7.8 on the 6th, 7.4 on the 7th: both revised.
        let mentions = [magnitude(0, 6.7), magnitude(1, 7.8), magnitude(2, 7.4)];
        let published = [day(6), day(6), day(7)];
        assert!(grew_over_time(
            &mentions,
            &[(0, 1), (0, 2), (1, 2)],
            &published
        ));
        // Down as well as up.
        assert!(grew_over_time(&mentions, &[(1, 2)], &published));
        // The latest reports disagree among themselves: a conflict.
        let latest = [day(6), day(7), day(7)];
        assert!(!grew_over_time(&mentions, &[(0, 2), (1, 2)], &latest));
        // Undated: nothing says which came first.
        assert!(!grew_over_time(&mentions, &[(1, 2)], &[day(6), None, None]));
        // Weeks apart: most often another quake.
        let (mut a, mut b) = (magnitude(0, 5.2), magnitude(1, 5.8));
        a.context = vec![1, 2, 3];
        b.context = vec![1, 2, 3];
        assert_eq!(in_time(&a, &b, &[day(6), day(7)]), Relation::Strong);
        let weeks = [day(1), NaiveDate::from_ymd_opt(2023, 3, 1)];
        assert_eq!(in_time(&a, &b, &weeks), Relation::Loose);
    }

    #[test]
    fn a_persons_age_moves_on_by_a_year_a_year_never_back() {
        let age = |document: usize, value: f64| {
            let mut m = count(document, value);
            m.unit = None;
            m.event = Some("age");
            m.age_of = Some("aaron mckinney".into());
            m
        };
        let months = |a: u32, b: u32| {
            [
                NaiveDate::from_ymd_opt(1998, a, 20),
                NaiveDate::from_ymd_opt(1999, b, 24),
            ]
        };
        // (age in November, age in March, how surely one person's age)
        let cases = [
            // Younger later: one of them is wrong.
            (22.0, 21.0, Relation::Strong),
            // A birthday between, not a contradiction.
            (21.0, 22.0, Relation::Loose),
            // The same age agrees; three years older in months does not.
            (21.0, 21.0, Relation::Strong),
            (21.0, 24.0, Relation::Strong),
        ];
        for (before, after, tie) in cases {
            let ages = (age(0, before), age(1, after));
            assert_eq!(
                in_time(&ages.0, &ages.1, &months(11, 3)),
                tie,
                "{before} {after}"
            );
        }
    }

    #[test]
    fn figures_of_reports_far_apart_are_of_different_moments() {
        let mut a = count(0, 40.0);
        let mut b = count(1, 60.0);
        for m in [&mut a, &mut b] {
            m.unit = Some("%".into());
            m.event = None;
            m.context = vec![1, 2, 3];
        }
        let near = [day(6), day(7)];
        let far = [day(1), NaiveDate::from_ymd_opt(2023, 9, 1)];
        assert_eq!(in_time(&a, &b, &near), Relation::Strong);
        assert_eq!(in_time(&a, &b, &far), Relation::Loose);
        assert_eq!(in_time(&a, &b, &[None, None]), Relation::Strong);
        // A count is kept when it grew (an update), not when it shrank.
        let (mut x, mut y) = (count(0, 100.0), count(1, 300.0));
        x.context = vec![1, 2, 3];
        y.context = vec![1, 2, 3];
        assert_eq!(in_time(&x, &y, &far), Relation::Strong);
        let late = [far[1], far[0]];
        assert_eq!(in_time(&x, &y, &late), Relation::Loose);
    }

    fn headline(document: usize, sentence: usize, value: f64, bound: Bound) -> Mention {
        let mut m = count(document, value);
        m.sentence = sentence;
        m.bound = bound;
        m.range = match bound {
            Bound::AtLeast | Bound::MoreThan => (value, f64::INFINITY),
            _ => (value, value),
        };
        // "The death toll climbed to …"
        m.cumulative = true;
        m
    }

    /// The running tallies of `mentions`, each document its own report.
    fn tallies(mentions: &[Mention], published: &[Option<NaiveDate>]) -> Vec<Vec<usize>> {
        let source: Vec<usize> = (0..published.len()).collect();
        running_tallies(mentions, published, &source, |_| false)
    }

    /// "At least 600 dead" and "an estimated 2,000" on the 6th, "3,879" on
    /// the 7th, "7,085" and "more than 10,000" on the 9th.
    fn toll() -> (Vec<Mention>, [Option<NaiveDate>; 5]) {
        let mentions = vec![
            headline(0, 3, 600.0, Bound::AtLeast),
            headline(1, 1, 2_000.0, Bound::Exact),
            headline(2, 1, 3_879.0, Bound::Exact),
            headline(3, 0, 7_085.0, Bound::Exact),
            headline(4, 0, 10_000.0, Bound::MoreThan),
        ];
        (mentions, [day(6), day(6), day(7), day(9), day(9)])
    }

    #[test]
    fn headline_counts_that_never_fall_across_dated_reports_are_one_running_tally() {
        let (mut mentions, published) = toll();
        // Later in a report: not its headline count.
        mentions.push(headline(4, 9, 20_000.0, Bound::Exact));
        assert_eq!(tallies(&mentions, &published), [vec![0, 1, 2, 3, 4]]);
        // One row, an update in time order, though two reports of the
        // 9th differ and no two sentences share a word.
        let ids: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        let rows = super::super::facts::facts(&mentions[..5], &ids, &published);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].status, crate::model::FactStatus::Updated);
        let values: Vec<f64> = rows[0].claims.iter().map(|c| c.value).collect();
        assert_eq!(values, [600.0, 2_000.0, 3_879.0, 7_085.0, 10_000.0]);
    }

    #[test]
    fn what_makes_no_running_tally() {
        let (mentions, published) = toll();
        let none = |mentions: &[Mention], published: &[Option<NaiveDate>]| {
            tallies(mentions, published).is_empty()
        };
        // A later, smaller headline count.
        assert!(none(&mentions, &[day(6), day(6), day(7), day(5), day(9)]));
        // Undated reports, or all of one day.
        assert!(none(&mentions, &[None; 5]));
        assert!(none(&mentions, &[day(6); 5]));
        // Two reports are too few to tell a tally from two scopes …
        assert!(none(&mentions[1..3], &published));
        // … and two documents with one id are one report.
        let source = [0, 1, 1, 1, 1];
        assert!(running_tallies(&mentions, &published, &source, |_| false).is_empty());
        // Counts that never rose.
        let mut flat = mentions.clone();
        for m in &mut flat {
            m.value = 600.0;
            m.bound = Bound::Exact;
            m.range = (600.0, 600.0);
        }
        assert!(none(&flat, &published));
        // None said of a running total: three attacks' dead, a day apart.
        let mut separate = mentions.clone();
        for m in &mut separate {
            m.cumulative = false;
        }
        assert!(none(&separate, &published));
        // Reports more than a month apart.
        let far = [
            day(1),
            day(1),
            day(2),
            NaiveDate::from_ymd_opt(2023, 4, 1),
            None,
        ];
        assert!(none(&mentions[..4], &far));
        // A hundredfold rise in a day counts another scope ("3,000
        // children every day", "1 million every year").
        let mut rates = mentions.clone();
        rates[2].value = 400_000.0;
        rates[2].range = (400_000.0, 400_000.0);
        assert!(none(&rates, &published));
        // Counts of one day far apart count two things.
        let mut apart = mentions.clone();
        apart[4].value = 70_000.0;
        apart[4].range = (70_000.0, f64::INFINITY);
        assert!(none(&apart, &published));
    }

    #[test]
    fn only_a_reports_plain_headline_count_starts_a_tally() {
        let (mentions, published) = toll();
        // Too deep in its report, a part of a count, a forecast, a word
        // for an order of magnitude, a row of a list: the report gives no
        // headline count, and two reports are left.
        let tweaks: [fn(&mut Mention); 4] = [
            |m| m.sentence = LEAD_SENTENCES,
            |m| m.part = true,
            |m| m.forecast = true,
            |m| m.bound = Bound::OrderOf,
        ];
        for tweak in tweaks {
            let mut three = mentions[1..4].to_vec();
            tweak(&mut three[1]);
            assert!(tallies(&three, &published).is_empty());
        }
        let source: Vec<usize> = (0..5).collect();
        let listed = running_tallies(&mentions[1..4], &published, &source, |m| m.document == 2);
        assert!(listed.is_empty());
    }

    #[test]
    fn a_count_telling_a_running_tallys_figure_of_its_day_joins_it() {
        let mut mentions = vec![
            headline(0, 0, 600.0, Bound::AtLeast),
            headline(1, 1, 3_879.0, Bound::Exact),
            // Later in a report of the 7th, nearly the tally's figure.
            headline(2, 9, 3_900.0, Bound::About),
            // Of the 7th but far below: another scope.
            headline(2, 12, 107.0, Bound::Exact),
            headline(3, 0, 4_200.0, Bound::Exact),
            // Of the 8th, near the 7th's figure but above the 8th's: it
            // would make the tally fall.
            headline(4, 7, 4_500.0, Bound::About),
        ];
        mentions[2].range = (3_500.0, 4_300.0);
        mentions[5].range = (4_300.0, 4_700.0);
        for m in &mut mentions {
            m.context = vec![1, 2, 3];
        }
        let published = [day(6), day(7), day(7), day(8), day(6)];
        assert_eq!(tallies(&mentions, &published), [vec![0, 1, 2, 4]]);
    }

    #[test]
    fn a_word_for_an_order_of_magnitude_is_not_held_to_a_later_count() {
        let mut hundreds = count(0, 100.0);
        hundreds.bound = Bound::OrderOf;
        hundreds.range = (100.0, 999.0);
        let mut later = count(1, 107.0);
        for m in [&mut hundreds, &mut later] {
            m.context = vec![1, 2, 3];
        }
        assert_eq!(
            in_time(&hundreds, &later, &[day(6), day(7)]),
            Relation::Loose
        );
    }

    #[test]
    fn claims_are_put_in_time_order() {
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let claim = |value: f64, source: &str| Claim {
            value,
            high: None,
            unit: Some("people".into()),
            bound: Bound::Exact,
            text: value.to_string(),
            also_written: Vec::new(),
            resolved: None,
            sources: vec![source.to_string()],
        };
        let mut claims = vec![claim(300.0, "a"), claim(50.0, "c"), claim(100.0, "b")];
        in_time_order(&mut claims, &ids, &[day(8), day(6), None]);
        let values: Vec<f64> = claims.iter().map(|c| c.value).collect();
        assert_eq!(values, [100.0, 300.0, 50.0]);
    }
}
