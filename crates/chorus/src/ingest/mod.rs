//! Ingest: files, folders and stdin into [`StoryInput`]s.
//!
//! Plain-text articles, HTML pages, feed entries, article JSONL lines and
//! stdin text are loose articles: together they make one story. Each line
//! of cluster JSONL (the evaluation format) and each line of Multi-News
//! text is a story of its own. A file that cannot be read becomes a
//! [`ReadError`] naming it (and the line), and the rest of the batch goes on.
//! Only regular files are read: a named pipe, socket or device is named
//! and passed over, as it could block a read forever or never end.
//!
//! Every article read through [`parse_bytes`], [`parse_values`],
//! [`ingest_paths`] or [`read_each`] leaves without terminal control codes
//! (escape sequences, C0 and C1 control characters) in any of its fields;
//! its notes say how many were removed.

mod dates;
pub mod decode;
mod error;
mod feed;
mod finish;
mod html;
mod jsonl;
mod multinews;
mod text;

use std::io::Read;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use crate::model::{Article, StoryInput};

pub use dates::{PUBLICATION_YEARS, publication_date, publication_date_problem};
pub use error::{ReadError, ReadErrorKind, SpecialFile};
pub use feed::{SUMMARY_ONLY, parse_feed};
pub use html::{html_to_text, nesting_depth, parse_html};
pub use jsonl::{parse_jsonl, parse_values};
pub use multinews::parse_multinews;
pub use text::{parse_text_article, split_headline};

/// What ingest read: stories, and the inputs it could not read.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Stories in input order; loose articles form the first one.
    pub stories: Vec<StoryInput>,
    /// One entry per unreadable file or line.
    pub errors: Vec<ReadError>,
    /// Files in folders that were passed over because of their extension.
    pub skipped: Vec<PathBuf>,
}

/// Limits that keep hostile or broken input from exhausting the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Deepest element nesting accepted in HTML and feeds.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
            max_depth: 512,
        }
    }
}

/// The input formats chorus reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article; the first line is the headline when it looks like one.
    Text,
    /// One JSON object per line: an article or a cluster of articles.
    Jsonl,
    /// Multi-News: documents joined by `|||||`, one cluster per line.
    MultiNews,
    /// A saved web page.
    Html,
    /// An RSS, Atom or JSON Feed file.
    Feed,
}

impl Format {
    /// The format a file's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "src" | "multinews" => Some(Format::MultiNews),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "xml" | "rss" | "atom" | "json" => Some(Format::Feed),
            _ => None,
        }
    }

    /// Guesses the format of unnamed content (stdin or an unknown extension).
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        let lower = head.to_ascii_lowercase();
        if lower.starts_with('<') {
            if ["<rss", "<feed", "<rdf:rdf"]
                .iter()
                .any(|tag| lower.contains(tag))
            {
                Format::Feed
            } else {
                Format::Html
            }
        } else if lower.starts_with('{') {
            if lower.contains("jsonfeed.org") {
                Format::Feed
            } else {
                Format::Jsonl
            }
        } else if head.contains("|||||") {
            Format::MultiNews
        } else {
            Format::Text
        }
    }
}

/// What one input held, before its loose articles join a story.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Loose articles (text, HTML, feed entries, article lines).
    pub articles: Vec<Article>,
    /// Stories the input defines itself (cluster lines, Multi-News lines).
    pub stories: Vec<StoryInput>,
    /// Problems, each naming the input.
    pub errors: Vec<ReadError>,
    /// A feed's own id of each entry that gives one (RSS `guid`, Atom `id`,
    /// JSON Feed `id`), by article id.
    pub guids: rustc_hash::FxHashMap<String, String>,
}

/// Reads one input's bytes as `format` (sniffed when `None`). `name` labels
/// errors; `stem` makes ids.
pub fn parse_bytes(
    name: &str,
    stem: &str,
    bytes: &[u8],
    format: Option<Format>,
    limits: &Limits,
) -> Parsed {
    let mut parsed = Parsed::default();
    let fail = |kind: ReadErrorKind| ReadError::new(name, kind);
    let format = format.unwrap_or_else(|| Format::sniff(bytes));
    if format == Format::Feed {
        // Feeds decode themselves: their charset is declared in the XML.
        match parse_feed(stem, bytes, limits) {
            Ok(feed) => {
                parsed.articles = feed.articles;
                parsed.guids = feed.guids;
                parsed.errors.extend(feed.problems.into_iter().map(fail));
            }
            Err(kind) => parsed.errors.push(fail(kind)),
        }
        parsed.articles.iter_mut().for_each(finish::finish_article);
        return parsed;
    }
    let declared = (format == Format::Html)
        .then(|| html::declared_charset(bytes))
        .flatten();
    let decoded = match decode::decode(bytes, declared.as_deref()) {
        Ok(decoded) => decoded,
        Err(kind) => {
            parsed.errors.push(fail(kind));
            return parsed;
        }
    };
    let content = decoded.text;
    match format {
        Format::Text => {
            let mut article = parse_text_article(stem, &content);
            article.notes = decoded.notes;
            parsed.articles.push(article);
        }
        Format::Html => match parse_html(stem, &content, limits) {
            Ok(mut article) => {
                let mut notes = decoded.notes;
                notes.append(&mut article.notes);
                article.notes = notes;
                parsed.articles.push(article);
            }
            Err(kind) => parsed.errors.push(fail(kind)),
        },
        Format::Jsonl => {
            // Finished line by line, before their dates are checked.
            let lines = parse_jsonl(name, stem, &content);
            parsed.errors = lines.errors;
            parsed.articles = lines.articles;
            parsed.stories = lines.stories;
            return parsed;
        }
        Format::MultiNews => parsed.stories = parse_multinews(stem, &content),
        Format::Feed => unreachable!("feeds are parsed from bytes above"),
    }
    parsed.articles.iter_mut().for_each(finish::finish_article);
    parsed.stories.iter_mut().for_each(finish::finish_story);
    parsed
}

/// Reads every path (`-` is stdin), recursing into folders in sorted order.
pub fn ingest_paths(paths: &[PathBuf], limits: &Limits) -> Ingested {
    let mut out = Ingested::default();
    let mut loose = StoryInput {
        id: loose_story_id(paths),
        loose: true,
        ..StoryInput::default()
    };
    finish::finish_story(&mut loose);
    out.skipped = read_each(paths, limits, |file| {
        out.errors.extend(file.errors);
        loose.articles.extend(file.articles);
        out.stories.extend(file.stories);
    });
    if !loose.articles.is_empty() {
        out.stories.insert(0, loose);
    }
    out
}

/// Reads the paths one file at a time, in the order [`ingest_paths`] does,
/// handing each file's contents to `each` before reading the next (loose
/// articles' ids made unique across the whole run), so that
/// a stream larger than memory can be processed. Returns the files in
/// folders passed over because of their extension.
pub fn read_each(paths: &[PathBuf], limits: &Limits, mut each: impl FnMut(Parsed)) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut walked = Ingested::default();
    let mut visited = FxHashSet::default();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push((path.clone(), None));
        } else if path.is_dir() {
            walk(path, &mut files, &mut walked, &mut visited);
        } else {
            files.push((path.clone(), Format::from_path(path)));
        }
    }
    if !walked.errors.is_empty() {
        each(Parsed {
            errors: walked.errors,
            ..Parsed::default()
        });
    }
    let mut used_ids = FxHashSet::default();
    for (path, format) in files {
        let (name, bytes) = match read_input(&path, limits) {
            Ok(read) => read,
            Err(err) => {
                each(Parsed {
                    errors: vec![err],
                    ..Parsed::default()
                });
                continue;
            }
        };
        let mut parsed = parse_bytes(&name, &file_stem(&path), &bytes, format, limits);
        drop(bytes);
        for article in &mut parsed.articles {
            article.id = unique_id(&mut used_ids, std::mem::take(&mut article.id));
        }
        each(parsed);
    }
    walked.skipped
}

fn unique_id(used: &mut FxHashSet<String>, id: String) -> String {
    if used.insert(id.clone()) {
        return id;
    }
    let mut n = 2;
    loop {
        let candidate = format!("{id}-{n}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

fn loose_story_id(paths: &[PathBuf]) -> String {
    match paths {
        [one] if one.as_os_str() == "-" => "stdin".to_string(),
        [one] => {
            let name = if one.is_dir() {
                one.canonicalize()
                    .ok()
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            } else {
                Some(file_stem(one))
            };
            name.unwrap_or_else(|| "story".to_string())
        }
        _ => "story".to_string(),
    }
}

fn file_stem(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Collects the files under `dir`; a folder reached twice (a symbolic link
/// back up the tree) is reported once and not entered again.
fn walk(
    dir: &Path,
    files: &mut Vec<(PathBuf, Option<Format>)>,
    out: &mut Ingested,
    visited: &mut FxHashSet<PathBuf>,
) {
    let error = |kind: ReadErrorKind| ReadError::new(&dir.display().to_string(), kind);
    match dir.canonicalize() {
        Ok(real) => {
            if !visited.insert(real.clone()) {
                out.errors.push(error(ReadErrorKind::FolderLoop(real)));
                return;
            }
        }
        Err(err) => {
            out.errors.push(error(ReadErrorKind::ReadFolder(err)));
            return;
        }
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(err) => {
            out.errors.push(error(ReadErrorKind::ReadFolder(err)));
            return;
        }
    };
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        // Followed through symbolic links; a broken link is left for the
        // read to name.
        let metadata = std::fs::metadata(&path).ok();
        if metadata.as_ref().is_some_and(std::fs::Metadata::is_dir) {
            walk(&path, files, out, visited);
        } else if let Some(kind) = metadata.and_then(|m| special_file(&m)) {
            let error = ReadError::new(
                &path.display().to_string(),
                ReadErrorKind::NotARegularFile { kind },
            );
            out.errors.push(error);
        } else if let Some(format) = Format::from_path(&path) {
            files.push((path, Some(format)));
        } else {
            out.skipped.push(path);
        }
    }
}

/// Reads a file (or stdin) whole, refusing anything over the size limit
/// before reading it.
fn read_input(path: &Path, limits: &Limits) -> Result<(String, Vec<u8>), ReadError> {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let fail = |kind: ReadErrorKind| ReadError::new(&name, kind);
    let too_large = |size: u64| {
        fail(ReadErrorKind::TooLarge {
            size,
            limit: limits.max_file_bytes,
        })
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limits.max_file_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(ReadErrorKind::Read(e)))?;
    } else {
        // Looked at before opening, as opening a named pipe waits for a
        // writer; and again once open, in case the path changed between.
        let metadata = std::fs::metadata(path).map_err(|e| fail(ReadErrorKind::Open(e)))?;
        if let Some(kind) = special_file(&metadata) {
            return Err(fail(ReadErrorKind::NotARegularFile { kind }));
        }
        let file = open_without_waiting(path).map_err(|e| fail(ReadErrorKind::Open(e)))?;
        let metadata = file.metadata().map_err(|e| fail(ReadErrorKind::Read(e)))?;
        if let Some(kind) = special_file(&metadata) {
            return Err(fail(ReadErrorKind::NotARegularFile { kind }));
        }
        if metadata.len() > limits.max_file_bytes {
            return Err(too_large(metadata.len()));
        }
        file.take(limits.max_file_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(ReadErrorKind::Read(e)))?;
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok((name, bytes))
}

/// What a path is when it is neither a regular file nor a folder.
fn special_file(metadata: &std::fs::Metadata) -> Option<SpecialFile> {
    let kind = metadata.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(SpecialFile::NamedPipe);
        } else if kind.is_socket() {
            return Some(SpecialFile::Socket);
        } else if kind.is_char_device() {
            return Some(SpecialFile::CharacterDevice);
        } else if kind.is_block_device() {
            return Some(SpecialFile::BlockDevice);
        }
    }
    Some(SpecialFile::Other)
}

/// Opens a file for reading without waiting: on Unix a named pipe put in
/// place of the file opens at once (and is then refused) instead of
/// blocking until something writes to it. Reads of a regular file are
/// unaffected.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Builds an article with only an id and a body.
pub(crate) fn bare_article(id: String, text: String) -> Article {
    Article {
        id,
        text,
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(Format::sniff(b"  {\"text\":\"a\"}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"a ||||| b"), Format::MultiNews);
        assert_eq!(Format::sniff(b"Headline\n\nBody."), Format::Text);
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(b"\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(br#"{"version":"https://jsonfeed.org/version/1.1"}"#),
            Format::Feed
        );
    }

    #[test]
    fn every_format_strips_control_codes() {
        let body = "The bridge reopened on Friday after repairs, officials said, \
                    and traffic was light all afternoon across the river.";
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>Wire&#x1b;[1m</title><item>\
             <title>T&#x1b;[2J</title><description>{body}&#x1b;]0;t&#x7;</description>\
             </item></channel></rss>"
        );
        let html = format!(
            "<html><head><title>T&#x1b;[2J</title></head><body><article>\
             <p>{body}&#x1b;[41m</p><p>{body}</p></article></body></html>"
        );
        // (format, content, codes removed)
        let cases = [
            // Long enough not to be taken for binary (over 1% control codes).
            (
                Format::Text,
                format!("T\u{1b}[2J\n\n{body}\u{9b}41m {body}"),
                2,
            ),
            (Format::Html, html, 2),
            (Format::Feed, rss, 3),
            (
                Format::MultiNews,
                format!("{body}\u{1b}[1m ||||| {body}"),
                1,
            ),
            (
                Format::Jsonl,
                format!("{{\"text\":\"{body}\\u001b[2J\"}}"),
                1,
            ),
        ];
        for (format, content, removed) in cases {
            let parsed = parse_bytes(
                "x",
                "x",
                content.as_bytes(),
                Some(format),
                &Limits::default(),
            );
            let articles: Vec<&Article> = parsed
                .articles
                .iter()
                .chain(parsed.stories.iter().flat_map(|s| &s.articles))
                .collect();
            assert!(!articles.is_empty(), "{format:?}: {:?}", parsed.errors);
            let article = articles[0];
            let fields = format!("{article:?}");
            assert!(
                !fields.contains("\\u{1b}") && !fields.contains("\\u{9b}"),
                "{format:?}: {fields}"
            );
            let note = format!("removed {removed} terminal control code");
            assert!(
                article.notes.iter().any(|n| n.starts_with(&note)),
                "{format:?}: {:?}",
                article.notes
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let refused = read_input(Path::new("/dev/null"), &Limits::default()).err();
        assert!(
            matches!(
                refused,
                Some(ReadError {
                    kind: ReadErrorKind::NotARegularFile {
                        kind: SpecialFile::CharacterDevice
                    },
                    ..
                })
            ),
            "{refused:?}"
        );
        let message = refused.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            message,
            "/dev/null: a character device, not a regular file; skipped"
        );
    }

    #[test]
    fn parse_bytes_reports_by_name() {
        let parsed = parse_bytes("x.txt", "x", b"", Some(Format::Text), &Limits::default());
        assert!(matches!(parsed.errors[0].kind, ReadErrorKind::Empty));
        assert_eq!(parsed.errors[0].to_string(), "x.txt: empty file");
        let parsed = parse_bytes(
            "x.txt",
            "x",
            b"caf\xe9 au lait is served here.",
            None,
            &Limits::default(),
        );
        assert_eq!(parsed.articles[0].text, "café au lait is served here.");
        assert!(parsed.articles[0].notes[0].contains("windows-1252"));
    }
}
