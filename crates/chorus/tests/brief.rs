//! What a brief of the bundled example holds, through the library's front
//! door and on its typed report: the summary's sources, reprints, and what
//! the compare stage finds in reports written to disagree.

use std::path::{Path, PathBuf};

use chorus::model::{Bound, EntityKind, Fact, FactStatus, StoryReport};
use chorus::{Detail, Limits, Pipeline, Report, ingest_paths};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/reports")
}

/// The example's brief as `chorus summarize examples/reports` makes it.
fn brief(pipeline: Pipeline) -> Report {
    let ingested = ingest_paths(&[example()], &Limits::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    let mut pipeline = pipeline;
    pipeline.brief_stories(ingested.stories)
}

/// The brief of one story of `articles`.
fn brief_of(story: &str, articles: Vec<chorus::model::Article>) -> Report {
    let mut pipeline = Pipeline::new();
    pipeline.brief_stories(vec![chorus::StoryInput::story(story, articles)])
}

fn only_story(report: &Report) -> &StoryReport {
    assert_eq!(report.stories.len(), 1, "the example is one story");
    &report.stories[0]
}

/// The fact one of whose claims is written `text`.
fn fact_with<'a>(story: &'a StoryReport, text: &str) -> &'a Fact {
    story
        .facts
        .iter()
        .find(|f| {
            f.claims
                .iter()
                .any(|c| c.text == text || c.also_written.iter().any(|w| w == text))
        })
        .unwrap_or_else(|| panic!("a fact with the claim {text:?}"))
}

#[test]
fn summary_sentences_cite_every_report_that_states_them() {
    let report = brief(Pipeline::new());
    let story = only_story(&report);
    assert!(!story.summary.is_empty());
    let words: usize = story
        .summary
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    assert!(words <= Pipeline::DEFAULT_WORDS, "{words} words");
    for sentence in &story.summary {
        assert!(
            sentence.sources.contains(&sentence.from.document),
            "the document a sentence is taken from is one of its sources"
        );
    }
    // The opening sentence is told by most of the seven outlets.
    assert!(
        story.summary[0].sources.len() >= 5,
        "{:?}",
        story.summary[0]
    );
}

#[test]
fn a_wire_reprint_is_counted_once() {
    let report = brief(Pipeline::new());
    let reprint = report
        .documents
        .iter()
        .find(|d| d.id == "gulf-observer")
        .expect("the reprint is listed");
    assert_eq!(reprint.duplicate_of.as_deref(), Some("wire-global"));
    let story = only_story(&report);
    assert!(
        story
            .summary
            .iter()
            .all(|s| s.from.document != "gulf-observer")
    );
}

#[test]
fn figures_that_cannot_both_hold_are_a_conflict() {
    let report = brief(Pipeline::new());
    let story = only_story(&report);
    let cases = [
        // (a claim as written, its fact's status)
        ("at least 580,000", FactStatus::Conflict),
        ("190 people", FactStatus::Conflict),
        ("about three hours", FactStatus::Agreed),
        ("around 14:00 GMT", FactStatus::Agreed),
        ("Wednesday", FactStatus::Agreed),
    ];
    for (text, status) in cases {
        assert_eq!(fact_with(story, text).status, status, "{text}");
    }
    // "About five lakh" is 500,000, in the same row as "at least 580,000".
    let displaced = fact_with(story, "at least 580,000");
    assert_eq!(fact_with(story, "About five lakh people"), displaced);
    assert!(
        displaced
            .claims
            .iter()
            .any(|c| c.value == 500_000.0 && c.bound == Bound::About)
    );
    // Rs 1,200 crore is twelve billion.
    assert_eq!(fact_with(story, "Rs 1,200 crore").claims[0].value, 1.2e10);
}

#[test]
fn times_and_relative_dates_are_resolved() {
    let report = brief(Pipeline::new());
    let story = only_story(&report);
    let start = fact_with(story, "around 14:00 GMT");
    assert!(
        start
            .claims
            .iter()
            .all(|c| c.resolved.as_deref() == Some("14:00 UTC"))
    );
    let meeting = fact_with(story, "Wednesday");
    assert_eq!(meeting.claims[0].resolved.as_deref(), Some("2023-03-15"));
    assert!(
        meeting.claims[0]
            .sources
            .iter()
            .any(|s| s == "valley-times")
    );
    let dates: Vec<&str> = story.timeline.iter().map(|e| e.date.as_str()).collect();
    // The meeting, and on the same day the agreement only
    // northern-courier reports.
    assert_eq!(
        dates,
        [
            "1994",
            "2022",
            "2023-02",
            "2023-03-15",
            "2023-03-15",
            "2023-04"
        ]
    );
}

#[test]
fn a_translated_quote_is_one_quote_with_its_wordings() {
    let report = brief(Pipeline::new());
    let story = only_story(&report);
    let quote = &story.quotes[0];
    assert_eq!(quote.speaker.as_deref(), Some("Karim al-Nasser"));
    assert_eq!(quote.variants.len(), 2);
    for outlet in ["arab-herald", "lahore-daily", "wire-global", "briefly-news"] {
        assert!(quote.sources.iter().any(|s| s == outlet), "{outlet}");
    }
}

#[test]
fn spellings_of_one_name_are_one_entity() {
    let report = brief(Pipeline::new());
    let story = only_story(&report);
    let entity = |name: &str| {
        story
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("entity {name}"))
    };
    let turkey = entity("Türkiye");
    assert_eq!(turkey.kind, EntityKind::Place);
    assert_eq!(turkey.aliases, ["Turkiye", "Turkey"]);
    let nasser = entity("Karim al-Nasser");
    assert_eq!(nasser.kind, EntityKind::Person);
    for alias in ["Nasser", "Karim Nasser", "al-Nasser"] {
        assert!(nasser.aliases.iter().any(|a| a == alias), "{alias}");
    }
}

#[test]
fn what_one_outlet_alone_reports() {
    let report = brief(Pipeline::new());
    let story = only_story(&report);
    let own = |id: &str| -> Vec<String> {
        story
            .unique
            .iter()
            .filter(|u| u.document == id)
            .flat_map(|u| u.sentences.clone())
            .collect()
    };
    assert!(
        own("wire-global")
            .iter()
            .any(|s| s.contains("holding back water")),
        "{:?}",
        story.unique
    );
    // The displacement every outlet reports, given in lakh here, and the
    // talks' start and length, given by others too, are no one's alone.
    assert!(!own("lahore-daily").iter().any(|s| s.contains("five lakh")));
    assert!(!own("valley-times").iter().any(|s| s.contains("14:00 GMT")));
}

#[test]
fn a_summary_only_brief_skips_the_compare_stage() {
    let full = brief(Pipeline::new());
    let short = brief(Pipeline::new().detail(Detail::Summary));
    let (full, short) = (only_story(&full), only_story(&short));
    assert_eq!(full.summary, short.summary);
    assert!(short.facts.is_empty() && short.quotes.is_empty() && short.entities.is_empty());
    assert!(!full.facts.is_empty());
}

/// The example's articles with no publication date at all.
fn undated() -> Vec<chorus::StoryInput> {
    let mut ingested = ingest_paths(&[example()], &Limits::default());
    for story in &mut ingested.stories {
        for article in &mut story.articles {
            article.date = None;
        }
    }
    ingested.stories
}

#[test]
fn without_any_publication_date_a_day_one_report_gives_dates_the_weekday_others_give() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("a day");
    let mut pipeline = Pipeline::new().today(today);
    let report = pipeline.brief_stories(undated());
    let story = only_story(&report);
    // valley-times says "15 March", the others "Wednesday": 15 March is a
    // Wednesday in 2023 (and 2017), and 2023 is the latest up to today.
    let note = story
        .notes
        .iter()
        .find(|n| n.contains("relative dates read against"))
        .expect("a note says what the dates were read against");
    assert!(note.contains("2023-03-15"), "{note}");
    assert!(note.contains("valley-times gives \"15 March\""), "{note}");
    assert!(note.contains("\"Wednesday\""), "{note}");
    let meeting = story
        .timeline
        .iter()
        .find(|e| e.date == "2023-03-15" && e.sources.len() > 1)
        .expect("the meeting is on the timeline");
    for source in ["valley-times", "wire-global", "lahore-daily"] {
        assert!(meeting.sources.iter().any(|s| s == source), "{meeting:?}");
    }
    assert!(
        meeting.how.contains("read against 2023-03-15"),
        "{}",
        meeting.how
    );
    let dates: Vec<&str> = story.timeline.iter().map(|e| e.date.as_str()).collect();
    for date in ["1994", "2022", "2023-02", "2023-04"] {
        assert!(dates.contains(&date), "{dates:?}");
    }
    // Read on another day, the year inferred is the latest that fits.
    let before = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("a day");
    let mut pipeline = Pipeline::new().today(before);
    let report = pipeline.brief_stories(undated());
    let story = only_story(&report);
    assert!(
        story.timeline.iter().any(|e| e.date == "2017-03-15"),
        "{:?}",
        story.timeline
    );
}

#[test]
fn timeline_rows_cite_only_the_reports_that_date_that_event() {
    let report = brief(Pipeline::new());
    let story = only_story(&report);
    for event in &story.timeline {
        assert!(!event.how.is_empty(), "{event:?}");
    }
    let border_war = story
        .timeline
        .iter()
        .find(|e| e.date == "1994")
        .expect("the border war");
    assert_eq!(border_war.sources, ["wire-global"]);
    assert!(border_war.how.starts_with("written \"1994\""));
    // The dam was finished "last year": the reports that say so, not every
    // report that mentions 2022 or the dam.
    let dam = story
        .timeline
        .iter()
        .find(|e| e.date == "2022")
        .expect("the dam");
    assert_eq!(dam.sources, ["arab-herald", "wire-global"]);
}

#[test]
fn prison_terms_that_differ_are_a_conflict() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "courier",
            "In 2003 a judge revoked the probation of Dale Poole and sent him to prison for 3 years. \
             Poole won the lottery on Saturday at a store in Mount Dora.",
        ),
        Article::new(
            "herald",
            "Dale Poole was sentenced to five years in prison by Circuit Judge Alan Apte. \
             He won the lottery on Saturday at a store in Mount Dora.",
        ),
    ];
    let report = brief_of("poole", articles);
    let story = only_story(&report);
    let term = fact_with(story, "five years");
    assert_eq!(term.about, "prison term");
    assert_eq!(term.status, FactStatus::Conflict, "{term:?}");
    assert_eq!(fact_with(story, "3 years"), term);
}

#[test]
fn armed_men_each_side_names_its_own_way_are_one_count() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "Security forces killed two of the gunmen after a clash in the Mazra district before dawn, \
             residents said.",
        ),
        Article::new(
            "state-tv",
            "Three terrorists were killed in the clash in the Mazra district before dawn, \
             state television said.",
        ),
    ];
    let report = brief_of("clash", articles);
    let story = only_story(&report);
    let killed = fact_with(story, "two of the gunmen");
    assert_eq!(killed.status, FactStatus::Conflict, "{killed:?}");
    assert_eq!(fact_with(story, "Three terrorists"), killed);
}

#[test]
fn a_players_figures_are_set_against_that_players_only() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "sun",
            "Creighton beat Drake 65-53 in the semifinal on Saturday. Will Artino scored 14 points \
             off the bench for Creighton. Richard Carter scored 14 points for the Bulldogs.",
        ),
        Article::new(
            "post",
            "Creighton beat Drake 65-53 in the semifinal on Saturday. Gregory Echenique scored \
             11 points off the bench for Creighton. Richard Carter had 12 points and four assists \
             for the Bulldogs.",
        ),
    ];
    let report = brief_of("semifinal", articles);
    let story = only_story(&report);
    let conflicts: Vec<&Fact> = story
        .facts
        .iter()
        .filter(|f| f.status == FactStatus::Conflict)
        .collect();
    // Carter's 14 and 12 points; not Artino's 14 against Echenique's 11.
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let texts: Vec<&str> = conflicts[0]
        .claims
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["14 points", "12 points"], "{conflicts:?}");
    assert_eq!(conflicts[0].claims[0].sources, ["sun"]);
}

#[test]
fn points_no_player_scores_are_compared_as_other_figures() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "The Dow Jones industrial average fell 150 points in the first hour of trading on \
             Monday, analyst Jane Morgan said.",
        ),
        Article::new(
            "daily",
            "The Dow fell 450 points in the first hour of trading on Monday as banks slid.",
        ),
    ];
    let report = brief_of("dow", articles);
    let story = only_story(&report);
    let points = fact_with(story, "150 points");
    assert_eq!(points.status, FactStatus::Conflict, "{points:?}");
    assert_eq!(fact_with(story, "450 points"), points);
}

#[test]
fn years_of_different_happenings_in_one_story_are_no_conflict() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "The couple who ran the day care were convicted in 1992 after tales of tortured \
             pets and buried babies. The couple's lawyer was born in 1950.",
        ),
        Article::new(
            "paper",
            "Tales of tortured pets and buried babies at the day care the couple ran first \
             surfaced in 1991. The couple's lawyer was born in 1951.",
        ),
    ];
    let report = brief_of("day care", articles);
    let story = only_story(&report);
    // When the tales surfaced and when the couple was convicted: two
    // dates, not two sources at odds.
    let at_odds = story
        .facts
        .iter()
        .find(|f| f.status == FactStatus::Conflict && f.claims.iter().any(|c| c.text == "1992"));
    assert!(at_odds.is_none(), "{at_odds:?}");
    // One birth, two years: a conflict.
    let born = fact_with(story, "1950");
    assert_eq!(born.status, FactStatus::Conflict, "{born:?}");
    assert_eq!(fact_with(story, "1951"), born);
}

#[test]
fn measures_in_two_units_are_one_row_and_a_report_s_own_conversion_is_no_claim() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "The epicentre of the quake was about 55 miles east of Istanbul, the survey said. \
             Climbers found the bodies at a height of 5,900 meters (19,350 feet) on the glacier.",
        ),
        Article::new(
            "agency",
            "The epicentre of the quake was about 70 kilometers southeast of Istanbul, the survey said. \
             Rescuers later recovered two corpses, encased in ice, at an altitude of 19,356 feet (5,900 m).",
        ),
    ];
    let report = brief_of("quake", articles);
    let story = only_story(&report);
    // 55 miles are 89 km: the two reports disagree on one distance.
    let distance = fact_with(story, "about 55 miles");
    assert_eq!(distance.status, FactStatus::Conflict, "{distance:?}");
    assert_eq!(fact_with(story, "about 70 kilometers"), distance);
    // Values are shown in the unit each report wrote.
    let miles = distance.claims.iter().find(|c| c.text == "about 55 miles");
    assert_eq!(
        miles.map(|c| (c.value, c.unit.as_deref())),
        Some((55.0, Some("mile")))
    );
    // Each report's conversion is part of its claim, and the two agree in
    // both units: one height, though no word around them is shared.
    let height = fact_with(story, "5,900 meters (19,350 feet)");
    assert_eq!(height.status, FactStatus::Agreed, "{height:?}");
    assert_eq!(fact_with(story, "19,356 feet (5,900 m)"), height);
    assert!(
        story
            .facts
            .iter()
            .flat_map(|f| &f.claims)
            .all(|c| c.text != "19,350 feet" && c.text != "5,900 m"),
        "{:?}",
        story.facts
    );
}

#[test]
fn conversions_are_compared_in_the_unit_both_reports_give() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "The climbers died on the 8,027-meter (26,330-foot) Shishapangma peak in Tibet in 1999.",
        ),
        Article::new(
            "blog",
            "The climbers died on the 26,291-foot (8,013 m) Shishapangma peak in Tibet in 1999.",
        ),
    ];
    let report = brief_of("peak", articles);
    let story = only_story(&report);
    // Within a few metres in metres, but 8,027 and 8,013 are written to
    // the metre: a conflict, as it would be without the conversions.
    let height = fact_with(story, "8,027-meter (26,330-foot)");
    assert_eq!(height.status, FactStatus::Conflict, "{height:?}");
    assert_eq!(fact_with(story, "26,291-foot (8,013 m)"), height);
}

#[test]
fn a_one_sided_conversion_is_its_report_s_rounding_and_values_keep_their_units() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "The wreck was found 13 miles (22 km) from the airport, police said. \
             The fire front stretched more than 60 miles along the ridge, officials said. \
             The tunnel is 5 km long. The hike covers about 7 miles of trail.",
        ),
        Article::new(
            "paper",
            "The wreck was found 21 kilometers from the airport, police said. \
             The fire front stretched 150 miles along the ridge, officials said. \
             The tunnel is 5,000 meters long. \
             The miner paid 4.5 billion euros for the coal company, it said.",
        ),
        Article::new(
            "site",
            "The miner paid $3.7 billion (4.5 billion euros) for the coal company, it said.",
        ),
    ];
    let report = brief_of("wreck", articles);
    let story = only_story(&report);
    // 13 miles are 20.9 km: the report's "22 km" is its rounding.
    let wreck = fact_with(story, "13 miles (22 km)");
    assert_eq!(wreck.status, FactStatus::Agreed, "{wreck:?}");
    assert_eq!(fact_with(story, "21 kilometers"), wreck);
    // "More than 60 miles" is open above, as "more than 60" of anything.
    let front = fact_with(story, "150 miles");
    assert_eq!(front.status, FactStatus::Agreed, "{front:?}");
    // Each claim's value is in its own unit, without float noise.
    let tunnel = fact_with(story, "5 km");
    let shown: Vec<(&str, f64, Option<&str>)> = tunnel
        .claims
        .iter()
        .map(|c| (c.text.as_str(), c.value, c.unit.as_deref()))
        .collect();
    assert!(
        shown.contains(&("5 km", 5.0, Some("kilometer"))),
        "{shown:?}"
    );
    assert!(
        shown.contains(&("5,000 meters", 5000.0, Some("meter"))),
        "{shown:?}"
    );
    let hike = fact_with(story, "about 7 miles");
    assert_eq!(hike.claims[0].value, 7.0);
    // A sum's conversion into another currency stays a claim of its own.
    let euros = fact_with(story, "4.5 billion euros");
    assert_eq!(euros.status, FactStatus::Agreed, "{euros:?}");
    assert_eq!(euros.claims[0].sources.len(), 2, "{euros:?}");
}

#[test]
fn small_round_measures_in_two_units_are_tied_by_their_words_only() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "The blaze has a front 5 miles (8 km) wide. \
             Firefighters said the flames were 10 miles (16 km) from the town of Paradise.",
        ),
        Article::new(
            "paper",
            "Firefighters said the flames were 5 miles (8 km) from the town of Paradise.",
        ),
    ];
    let report = brief_of("blaze", articles);
    let story = only_story(&report);
    let distance = fact_with(story, "10 miles (16 km)");
    assert_eq!(distance.status, FactStatus::Conflict, "{distance:?}");
}

#[test]
fn a_magnitude_revised_in_later_reports_is_an_update_and_earlier_quakes_stay_apart() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "agency",
            "Hundreds died in the 6.7-degree earthquake which ripped through the region at dawn. \
             The largest earthquake ever recorded on the fault was a magnitude 8.2 quake in 1939.",
        )
        .date("2023-08-17"),
        Article::new(
            "wire",
            "The survey said the quake had a preliminary magnitude of 7.8 when it struck the region.",
        )
        .date("2023-08-17"),
        Article::new(
            "daily",
            "Rescuers searched the ruins after the magnitude 7.0 quake that struck the region. \
             A second earthquake of magnitude 6.2 struck the region hours later.",
        )
        .date("2023-08-19"),
    ];
    let report = brief_of("quake", articles);
    let story = only_story(&report);
    let magnitude = fact_with(story, "magnitude 7.0 quake");
    assert_eq!(magnitude.status, FactStatus::Updated, "{magnitude:?}");
    assert_eq!(magnitude.about, "magnitude of the earthquake");
    // In time order, the settled figure last.
    let values: Vec<f64> = magnitude.claims.iter().map(|c| c.value).collect();
    assert_eq!(values.last(), Some(&7.0), "{values:?}");
    assert!(values.contains(&6.7) && values.contains(&7.8), "{values:?}");
    // The 1939 quake and the second one are other quakes.
    for other in ["magnitude 8.2 quake", "magnitude 6.2"] {
        let fact = fact_with(story, other);
        assert_ne!(fact, magnitude);
        assert_eq!(fact.status, FactStatus::SingleSource);
        assert_eq!(fact.about, "magnitude of another earthquake");
    }
    // Written as seismologists write it, to the tenth written.
    let text = chorus::render(&report, chorus::OutputFormat::Text, false);
    assert!(text.contains("magnitude 6.7"), "{text}");
    assert!(text.contains("magnitude 7.0"), "{text}");
    assert!(!text.contains("magnitudes"), "{text}");
}

#[test]
fn distances_from_one_place_are_one_distance_unless_they_locate_two_places() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "The base lies about 125 miles northwest of Las Vegas in the desert. \
             The crew trained in Romilly, a small town 40 miles west of Paris.",
        ),
        Article::new(
            "daily",
            "The secret base, 90 miles north of Las Vegas, was never acknowledged. \
             Police raided homes in Bandoufle, a suburb 25 miles south of Paris.",
        ),
    ];
    let report = brief_of("base", articles);
    let story = only_story(&report);
    // One base, told from one city in one bearing (rounded): a conflict.
    let base = fact_with(story, "about 125 miles");
    assert_eq!(base.status, FactStatus::Conflict, "{base:?}");
    assert_eq!(fact_with(story, "90 miles"), base);
    // Two towns named, two bearings: two distances.
    assert_ne!(fact_with(story, "40 miles"), fact_with(story, "25 miles"));
    assert_ne!(fact_with(story, "40 miles").status, FactStatus::Conflict);
}

#[test]
fn a_named_persons_age_given_younger_months_later_is_a_conflict() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "times",
            "A judge ordered Aaron McKinney, 22, to stand trial for the killing. \
             Russell Henderson, 21, was also ordered to stand trial.",
        )
        .date("1998-11-20"),
        Article::new(
            "wire",
            "Henderson, 21, showed little emotion at the trial. \
             Henderson and the 21-year-old McKinney both face the death penalty in the killing.",
        )
        .date("1999-03-24"),
    ];
    let report = brief_of("trial", articles);
    let story = only_story(&report);
    // The times also gives a 21 (Henderson's), yet the names say whose
    // each age is.
    let mckinney = fact_with(story, "21-year-old");
    assert_eq!(mckinney.status, FactStatus::Conflict, "{mckinney:?}");
    assert_eq!(fact_with(story, "22"), mckinney);
    let henderson = fact_with(story, "21");
    assert_ne!(henderson, mckinney);
    assert_eq!(henderson.status, FactStatus::Agreed, "{henderson:?}");
}

#[test]
fn homes_and_houses_are_one_thing_counted() {
    use chorus::model::Article;
    let articles = vec![
        Article::new(
            "wire",
            "A gas explosion tore through a row house on Monday, causing the collapse of \
             three houses and the evacuation of about 70 homes near the blast.",
        ),
        Article::new(
            "daily",
            "After the gas explosion on Monday, officials evacuated 22 houses near the blast.",
        ),
    ];
    let report = brief_of("blast", articles);
    let story = only_story(&report);
    let evacuated = fact_with(story, "about 70 homes");
    assert_eq!(fact_with(story, "22 houses"), evacuated);
    assert_eq!(evacuated.status, FactStatus::Conflict, "{evacuated:?}");
}

#[test]
fn he_said_is_the_last_man_named_not_a_woman_named_after_him() {
    use chorus::model::Article;
    let text = "Mark Zuckerberg spoke at the summit on Tuesday. He gives his shares to the \
                foundation he runs with his wife, Priscilla Chan. \
                \"Being a good corporate citizen is really important,\" he said.";
    let articles = vec![
        Article::new("wire", text),
        Article::new("daily", text.replace("Tuesday", "Tuesday morning")),
    ];
    let report = brief_of("summit", articles);
    let story = only_story(&report);
    let quote = story
        .quotes
        .iter()
        .find(|q| q.text.contains("corporate citizen"))
        .expect("the quote");
    assert_eq!(
        quote.speaker.as_deref(),
        Some("Mark Zuckerberg"),
        "{quote:?}"
    );
}
