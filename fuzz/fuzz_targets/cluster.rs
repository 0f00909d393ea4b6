//! Story clustering on arbitrary text split into articles at form feeds
//! (each read as a plain-text file, headline first; a body starting with
//! `date: …` gives the publication date): every article lands in exactly
//! one story, stories come in order of their first article with members in
//! input order, and the same input gives the same stories.
#![no_main]

use chorus::ingest::parse_text_article;
use chorus::model::Article;
use chorus::prepare::terms::Vocab;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let articles: Vec<Article> = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, part)| {
            let mut article = parse_text_article(&format!("d{i}"), part);
            if let Some(dated) = article.text.trim_start().strip_prefix("date: ") {
                let (date, body) = dated.split_once('\n').unwrap_or((dated, ""));
                (article.date, article.text) = (Some(date.to_string()), body.to_string());
            }
            article
        })
        .collect();
    let groups = chorus::cluster::cluster(&articles, &mut Vocab::new());
    let mut seen = vec![false; articles.len()];
    for group in &groups {
        assert!(!group.is_empty());
        assert!(group.windows(2).all(|w| w[0] < w[1]), "{groups:?}");
        for &member in group {
            assert!(!seen[member], "article {member} in two stories: {groups:?}");
            seen[member] = true;
        }
    }
    assert!(
        seen.iter().all(|&s| s),
        "an article in no story: {groups:?}"
    );
    assert!(groups.windows(2).all(|w| w[0][0] < w[1][0]), "{groups:?}");
    assert_eq!(
        groups,
        chorus::cluster::cluster(&articles, &mut Vocab::new())
    );
});
