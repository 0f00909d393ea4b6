//! `chorus::extract` on arbitrary text, with and without a publication
//! date: every mention's offsets are characters inside the text and give
//! its `text` back, and nothing panics.
#![no_main]

use chorus::{Article, extract};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    for date in [None, Some("2023-03-16"), Some("0001-01-01"), Some("9999-12-31")] {
        let mut article = Article::new("fuzz", text);
        if let Some(date) = date {
            article = article.date(date);
        }
        let today = NaiveDate::from_ymd_opt(2026, 12, 3);
        for m in extract(&article, today).mentions {
            assert!(m.start <= m.end && m.end <= chars.len(), "{m:?}");
            let slice: String = chars[m.start..m.end].iter().collect();
            assert_eq!(slice, m.text);
        }
    }
});
