//! What the brief's global selection promises, through the front door: no
//! fact twice, every budget filled, and update briefs that say what is new.

use std::path::{Path, PathBuf};

use chorus::{Article, Detail, Limits, Pipeline, Report, StoryInput, StoryReport, ingest_paths};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/reports")
}

fn example_brief(pipeline: Pipeline) -> Report {
    let ingested = ingest_paths(&[example()], &Limits::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    let mut pipeline = pipeline;
    pipeline.brief_stories(ingested.stories)
}

fn only_story(report: &Report) -> &StoryReport {
    assert_eq!(report.stories.len(), 1, "one story: {report:?}");
    &report.stories[0]
}

fn texts(story: &StoryReport) -> Vec<&str> {
    story.summary.iter().map(|s| s.text.as_str()).collect()
}

/// Lower-cased words of four letters or more, with a plural's "s" off: a
/// crude view of a sentence's content, independent of chorus's own.
fn content(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// No summary sentence has most (70%) of its content words in one sentence
/// before it: that would be the same statement told twice.
fn assert_no_fact_twice(story: &StoryReport) {
    let sentences: Vec<Vec<String>> = story.summary.iter().map(|s| content(&s.text)).collect();
    for (i, later) in sentences.iter().enumerate() {
        for (j, earlier) in sentences[..i].iter().enumerate() {
            let shared = later.iter().filter(|w| earlier.contains(w)).count();
            let shorter = later.len().min(earlier.len()).max(1);
            assert!(
                shared * 10 < shorter * 7,
                "told twice:\n  {:?}\n  {:?}",
                story.summary[j].text,
                story.summary[i].text,
            );
        }
    }
}

#[test]
fn the_example_brief_tells_each_fact_once() {
    for words in [50, 100, Pipeline::DEFAULT_WORDS, 250, 400] {
        let report = example_brief(Pipeline::new().words(words).detail(Detail::Summary));
        let story = only_story(&report);
        assert_no_fact_twice(story);
        let summary = texts(story);
        let told = |what: &[&str]| {
            summary
                .iter()
                .filter(|t| what.iter().any(|w| t.contains(w)))
                .count()
        };
        // Each of these is stated by several outlets in other words.
        assert!(told(&["three hours"]) <= 1, "{words} words: {summary:#?}");
        assert!(
            told(&["frank and useful"]) <= 1,
            "{words} words: {summary:#?}"
        );
        assert!(
            told(&[
                "500,000",
                "five lakh",
                "half a million",
                "hundreds of thousands"
            ]) <= 1,
            "{words} words: {summary:#?}"
        );
    }
}

/// Reports of one meeting as the field's seed set has them: one outlet
/// restates its own sentence three sentences later with another verb.
fn summit() -> Vec<Article> {
    vec![
        Article::new(
            "wire",
            "President Dorn met President Halvik in Moscow on Tuesday for talks on the war in Velmora. \
             Dorn emphasized the Russian military's \"decisive contribution\" to stabilizing the country. \
             The war in Velmora has killed more than 500,000 people since it began in 2011, monitors say. \
             The two leaders also discussed aid after the earthquake that struck northern Velmora in February. \
             The talks lasted about three hours, the Kremlin said.",
        )
        .title("Dorn and Halvik meet in Moscow"),
        Article::new(
            "courier",
            "Presidents Dorn and Halvik held talks in Moscow on Tuesday. \
             Dorn emphasized the Russian military's \"decisive contribution\" to stabilizing the country, \
             state media reported. \
             Halvik thanked Moscow for its support. \
             Dorn cited the Russian military's \"decisive contribution\" to stabilizing Velmora and fighting terrorism. \
             The February earthquake killed more than 50,000 people in Velmora and its neighbour. \
             Reconstruction will cost billions, officials said.",
        ),
        Article::new(
            "herald",
            "Velmora's president Halvik arrived in Moscow on Tuesday for talks with Dorn. \
             The war in Velmora has killed about 500,000 people, according to monitoring groups. \
             Halvik asked for help rebuilding areas hit by the February earthquake. \
             Moscow has backed Halvik's government since 2015.",
        ),
    ]
}

#[test]
fn a_restated_sentence_is_not_chosen_twice() {
    let mut pipeline = Pipeline::new().words(150).detail(Detail::Summary);
    let report = pipeline.brief("summit", summit());
    let story = only_story(&report);
    assert_no_fact_twice(story);
    let summary = texts(story);
    let contribution = summary
        .iter()
        .filter(|t| t.contains("decisive contribution"))
        .count();
    assert!(contribution <= 1, "{summary:#?}");
    // The room the repeat would take goes to the war's toll and the earthquake.
    assert!(
        summary.iter().any(|t| t.contains("500,000")),
        "{summary:#?}"
    );
    assert!(
        summary.iter().any(|t| t.contains("earthquake")),
        "{summary:#?}"
    );
}

/// Reports of one cyclone in the style of the bundled example: a wire
/// story, a translated report counting in lakh, a regional site and an
/// aggregator, each telling the same figures in its own words.
fn cyclone() -> Vec<Article> {
    vec![
        Article::new(
            "wire",
            "Cyclone Marel struck the Keshan coast on Sunday with winds of up to 180 kilometres per hour.\n\
             The storm forced more than half a million people from their homes, the relief agency said.\n\
             At least 64 people were killed, most of them in collapsed houses in Port Aldin.\n\
             Rain fell on the delta for more than 40 hours, flooding rice fields and roads.\n\
             Damage is estimated at $1.2 billion, according to the finance ministry.\n\
             The navy sent four ships with food, water and medicine to the islands.",
        )
        .title("Cyclone Marel hits Keshan coast"),
        Article::new(
            "lahore-desk",
            "Cyclone Marel made landfall in Keshan on Sunday, officials said.\n\
             About five lakh villagers were evacuated to relief camps before the storm arrived.\n\
             The death toll has risen to 64, the disaster authority said on Monday.\n\
             Prime Minister Tomas Ardel promised compensation to every family that lost a house.\n\
             Follow us on Facebook and Twitter for the latest updates.",
        ),
        Article::new(
            "delta-herald",
            "The cyclone battered the Keshan delta for about 40 hours before weakening over the hills.\n\
             Officials put the losses at 1.2 billion dollars, mostly to harbours, crops and power lines.\n\
             Hundreds of thousands of residents fled inland as the water rose.\n\
             Schools in three provinces will stay closed until Friday.",
        ),
        Article::new(
            "briefly",
            "Keshan Counts Cost Of Marel.\n\
             Marel killed 64 people and uprooted nearly 500,000 in the worst storm to hit Keshan in decades.\n\
             Power was cut to two million homes in Port Aldin and the delta.\n\
             Ardel visited the relief camps on Monday and promised compensation to families.\n\
             Related Article : Five things to know about cyclones.",
        ),
    ]
}

/// How many summary sentences tell one fact, written any of these ways.
fn told(summary: &[&str], ways: &[&str]) -> usize {
    summary
        .iter()
        .filter(|t| ways.iter().any(|w| t.contains(w)))
        .count()
}

#[test]
fn a_figure_told_in_other_words_is_told_once() {
    for words in [60, 100, 150, 250, 400] {
        // One story as given: the test is of selection, not of clustering.
        let mut pipeline = Pipeline::new().words(words).detail(Detail::Summary);
        let report = pipeline.brief_stories(vec![StoryInput::story("cyclone", cyclone())]);
        let story = only_story(&report);
        assert_no_fact_twice(story);
        let summary = texts(story);
        for ways in [
            &[
                "half a million",
                "five lakh",
                "500,000",
                "Hundreds of thousands",
            ][..],
            &["64"],
            &["40 hours"],
            &["1.2 billion"],
        ] {
            assert!(
                told(&summary, ways) <= 1,
                "{words} words, {ways:?} told twice: {summary:#?}"
            );
        }
        // Room the repeats would take goes to other news.
        if words >= 150 {
            assert!(
                told(&summary, &["compensation", "Schools", "ships", "Power"]) >= 1,
                "{words} words: {summary:#?}"
            );
        }
    }
}

#[test]
fn every_budget_is_filled_and_kept() {
    for words in [50, 100, 150, 250, 400] {
        let report = example_brief(Pipeline::new().words(words).detail(Detail::Summary));
        let story = only_story(&report);
        let used: usize = texts(story)
            .iter()
            .map(|t| t.split_whitespace().count())
            .sum();
        assert!(used <= words, "{used} words in a {words}-word brief");
        // Up to 150 words the example has enough to fill two thirds of a
        // budget; at 250 it tells its news in about 170 words (fewer when
        // a shorter sentence says the same), so half is the bar; past
        // that, it runs out of new things.
        let filled = match words {
            ..=150 => used * 3 >= words * 2,
            151..=250 => used * 2 >= words,
            _ => true,
        };
        assert!(filled, "{used} words in a {words}-word brief");
        for sentence in &story.summary {
            assert!(sentence.sources.contains(&sentence.from.document));
        }
    }
}

#[test]
fn an_update_brief_says_what_is_new() {
    let new = vec![
        Article::new(
            "wire-2",
            "President Dorn met President Halvik in Moscow on Tuesday for talks on the war in Velmora. \
             On Thursday the two governments signed a reconstruction agreement worth $2 billion. \
             The agreement covers housing and power plants in the earthquake zone.",
        ),
        Article::new(
            "courier-2",
            "President Dorn met President Halvik in Moscow on Tuesday for talks on the war in Velmora, officials said. \
             A reconstruction agreement worth $2 billion was signed on Thursday. \
             Work on the first power plants will start in June.",
        ),
    ];
    let brief = |pipeline: Pipeline| {
        let mut pipeline = pipeline.words(20).detail(Detail::Summary);
        pipeline.brief_stories(vec![chorus::StoryInput::story("later", new.clone())])
    };
    // Read alone, the new articles' news is the meeting both open with.
    let alone = brief(Pipeline::new());
    let alone = texts(only_story(&alone));
    assert!(
        alone.iter().any(|t| t.contains("met President Halvik")),
        "{alone:#?}"
    );
    // After the first day's reports, the meeting is old news.
    let report = brief(Pipeline::new().after(summit()));
    let story = only_story(&report);
    let summary = texts(story);
    assert!(
        !summary.iter().any(|t| t.contains("met President Halvik")),
        "the meeting was told before: {summary:#?}"
    );
    let agreement = story
        .summary
        .iter()
        .find(|s| s.text.contains("agreement"))
        .unwrap_or_else(|| panic!("the agreement is new: {summary:#?}"));
    // Sources are the new articles only, each sentence citing all that state it.
    assert_eq!(agreement.sources, ["wire-2", "courier-2"]);
}
