//! chorus: many reports of one event in, one attributed brief out.
//!
//! A brief is an extractive summary whose every sentence cites every report
//! that states it, with what the reports say compared across sources:
//! figures, dates and times (agreed, in conflict, or from one source),
//! quotes with their speakers and wordings, named entities with their
//! spellings, a timeline, and what each outlet alone reports.
//!
//! [`Pipeline`] is the front door: build articles, get a [`Report`] (the
//! versioned JSON contract), render it.
//!
//! ```
//! use chorus::{Article, OutputFormat, Pipeline, render};
//!
//! let articles = vec![
//!     Article::new("wire", "Leaders of Qadira and Velmora met in Istanbul on Wednesday. \
//!         The talks lasted more than three hours, officials said. \
//!         Floods in February displaced more than 500,000 people.")
//!         .title("Qadira and Velmora leaders meet")
//!         .date("2023-03-16"),
//!     Article::new("courier", "The leaders of Qadira and Velmora met in Istanbul on Wednesday. \
//!         The talks lasted about three hours. \
//!         The February floods displaced about 500,000 people, aid groups said.")
//!         .source("Northern Courier"),
//! ];
//! let mut pipeline = Pipeline::new().words(60);
//! let report = pipeline.brief("talks", articles);
//!
//! let story = &report.stories[0];
//! // The opening sentence is stated by both reports, and says so.
//! assert_eq!(story.summary[0].sources, ["wire", "courier"]);
//! println!("{}", render(&report, OutputFormat::Text, false));
//! ```
//!
//! The stages, one module each, in pipeline order: [`ingest`] (files,
//! folders and streams into [`Article`]s) → [`prepare`] (clean, segment,
//! terms, index, reprints, languages) → [`cluster`] (loose articles into
//! stories) → [`summarize`] → [`attribute`] → [`compare`] → [`report`] →
//! [`render`](mod@render). [`model`] is the data they share. Each stage is public for
//! callers that need one on its own (fuzzers, evaluation, the store's
//! incremental clustering); [`Pipeline`] is the only place they are wired
//! together.

#![warn(missing_docs)]

pub mod attribute;
pub mod cluster;
pub mod compare;
pub mod extract;
pub mod ingest;
pub mod model;
mod pipeline;
pub mod prepare;
pub mod render;
pub mod report;
pub mod scan;
pub mod summarize;

pub use extract::{Extraction, extract};
pub use ingest::{Ingested, Limits, Parsed, ingest_paths, read_each};
pub use model::{Article, Report, StoryInput, StoryReport};
pub use pipeline::{Detail, Pipeline};
pub use prepare::StoryLimits;
pub use render::{OutputFormat, render};
pub use summarize::{Budget, System, Weights};
