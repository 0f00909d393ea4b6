//! Quantity, date and time scanning on arbitrary text: every claim's span
//! lies on character boundaries inside the text, values are numbers, a
//! claim's range is ordered, and resolving dates against any anchor
//! (including the ends of the calendar) never panics.
#![no_main]

use chorus::scan::dates::{Resolver, dates, times};
use chorus::scan::quantity::quantities;
use chorus::scan::tokens::tokenize;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lower = text.to_ascii_lowercase();
    let tokens = tokenize(text, &lower);
    for token in &tokens {
        assert_eq!(&text[token.start..token.end], token.text);
    }
    for q in quantities(&tokens) {
        assert!(text.get(q.span.0..q.span.1).is_some());
        assert!(!q.value.is_nan());
        assert!(!(q.range.0 > q.range.1), "{:?} in {text:?}", q.range);
    }
    let anchors = [
        None,
        NaiveDate::from_ymd_opt(2023, 3, 16),
        NaiveDate::from_ymd_opt(2024, 1, 1),
        Some(NaiveDate::MIN),
        Some(NaiveDate::MAX),
    ];
    let found = dates(&tokens);
    for mention in &found {
        assert!(text.get(mention.span.0..mention.span.1).is_some());
        for anchor in anchors {
            if let Some(when) = mention.when(anchor) {
                let (first, last) = when.days();
                assert!(first <= last);
            }
        }
    }
    // Read in order, as a document is: every value TimeML can write.
    for anchor in anchors {
        let mut resolver = Resolver::new(anchor);
        for value in resolver.resolve_sentence(&found).into_iter().flatten() {
            assert!(!value.value().is_empty());
        }
    }

    for mention in times(&tokens) {
        assert!(text.get(mention.span.0..mention.span.1).is_some());
        assert!(mention.utc().is_none_or(|m| (0..1440).contains(&m)));
    }
});
