//! The compare stage on arbitrary text split into documents at form
//! feeds: every fact, quote, entity and timeline entry names sources that
//! are documents of the story, a single-source fact has one source, and
//! the timeline runs earliest first.
#![no_main]

use chorus::compare::compare;
use chorus::model::{Article, FactStatus, StoryInput};
use chorus::prepare::Story;
use chorus::prepare::terms::Vocab;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let articles: Vec<Article> = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, part)| Article {
            id: format!("d{i}"),
            text: part.to_string(),
            date: (i % 2 == 0).then(|| "2023-03-16".to_string()),
            ..Article::default()
        })
        .collect();
    let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    let input = StoryInput {
        id: "fuzz".into(),
        articles,
        references: Vec::new(),
        loose: false,
    };
    let story = Story::prepare(input, &mut Vocab::new());
    // No reference day: relative dates stay unresolved, as when none is known.
    let comparison = compare(&story, None);
    let known = |sources: &[String]| !sources.is_empty() && sources.iter().all(|s| ids.contains(s));
    for fact in &comparison.facts {
        let mut sources: Vec<&String> = fact.claims.iter().flat_map(|c| &c.sources).collect();
        sources.sort();
        sources.dedup();
        assert!(fact.claims.iter().all(|c| known(&c.sources) && !c.value.is_nan()));
        if fact.status == FactStatus::SingleSource {
            assert_eq!(sources.len(), 1);
        }
    }
    for quote in &comparison.quotes {
        assert!(known(&quote.sources));
        assert!(quote.variants.iter().all(|v| v.sources.iter().all(|s| quote.sources.contains(s))));
    }
    assert!(comparison.entities.iter().all(|e| known(&e.sources) && e.mentions > 0));
    assert!(comparison.timeline.iter().all(|t| known(&t.sources)));
    assert!(comparison.timeline.windows(2).all(|w| w[0].date[..4] <= w[1].date[..4]));
});
