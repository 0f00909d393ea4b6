//! Story clustering on arbitrary text split into articles at form feeds
//! (first line the headline, a second line `date: …` the publication
//! date): every article lands in exactly one story, stories come in order
//! of their first article with members in input order, and the same input
//! gives the same stories.
#![no_main]

use chorus::model::Article;
use chorus::terms::Vocab;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let articles: Vec<Article> = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, part)| {
            let mut lines = part.splitn(3, '\n');
            let title = lines.next().map(str::to_string);
            let second = lines.next().unwrap_or_default();
            let (date, body) = match second.strip_prefix("date: ") {
                Some(date) => (
                    Some(date.to_string()),
                    lines.next().unwrap_or_default().to_string(),
                ),
                None => (
                    None,
                    format!("{second}\n{}", lines.next().unwrap_or_default()),
                ),
            };
            Article {
                id: format!("d{i}"),
                title,
                date,
                text: body,
                ..Article::default()
            }
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
