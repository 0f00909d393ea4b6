//! Clean and segment arbitrary text; every sentence must be non-empty,
//! trimmed, and a piece of the input.
#![no_main]

use chorus::prepare::clean::clean;
use chorus::model::Article;
use chorus::prepare::segment::segment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let article = Article {
        id: "fuzz".into(),
        text: text.to_string(),
        ..Article::default()
    };
    let cleaned = clean(&article);
    for sentence in segment(&cleaned.paragraphs) {
        assert!(!sentence.text.is_empty());
        assert_eq!(sentence.text.trim(), sentence.text);
        assert!(cleaned.paragraphs[sentence.paragraph].contains(&sentence.text));
    }
});
