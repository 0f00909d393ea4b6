//! Ingest: files, folders and stdin into [`StoryInput`]s.
//!
//! Plain-text articles, article JSONL lines and stdin text are loose
//! articles: together they make one story. Each line of cluster JSONL (the
//! evaluation format) and each line of Multi-News text is a story of its own.
//! A file that cannot be read becomes an [`InputError`] naming it (and the
//! line), and the rest of the batch goes on.

mod jsonl;
mod multinews;
mod text;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{Article, StoryInput};

pub use jsonl::parse_jsonl;
pub use multinews::parse_multinews;
pub use text::{parse_text_article, split_headline};

/// A problem with one input file or line; the batch carries on without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or `<stdin>`).
    pub path: String,
    /// 1-based line, for line-oriented formats.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// What ingest read: stories, and the inputs it could not read.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Stories in input order; loose articles form the first one.
    pub stories: Vec<StoryInput>,
    /// One entry per unreadable file or line.
    pub errors: Vec<InputError>,
    /// Files in folders that were passed over because of their extension.
    pub skipped: Vec<PathBuf>,
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
}

impl Format {
    /// The format a file's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "src" | "multinews" => Some(Format::MultiNews),
            _ => None,
        }
    }

    /// Guesses the format of unnamed content (stdin or an unknown extension).
    pub fn sniff(content: &str) -> Format {
        let first = content.trim_start();
        if first.starts_with('{') {
            Format::Jsonl
        } else if content.contains("|||||") {
            Format::MultiNews
        } else {
            Format::Text
        }
    }
}

/// Largest file ingest reads whole; larger ones are refused by name.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads every path (`-` is stdin), recursing into folders in sorted order.
pub fn ingest_paths(paths: &[PathBuf]) -> Ingested {
    let mut files = Vec::new();
    let mut out = Ingested::default();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push((path.clone(), None));
        } else if path.is_dir() {
            walk(path, &mut files, &mut out);
        } else {
            files.push((path.clone(), Format::from_path(path)));
        }
    }
    let mut loose = StoryInput {
        id: loose_story_id(paths),
        ..StoryInput::default()
    };
    let mut used_ids = rustc_hash::FxHashSet::default();
    for (path, format) in files {
        let (name, content) = match read_input(&path) {
            Ok(read) => read,
            Err(err) => {
                out.errors.push(err);
                continue;
            }
        };
        let format = format.unwrap_or_else(|| Format::sniff(&content));
        let stem = file_stem(&path);
        match format {
            Format::Text => {
                let mut article = parse_text_article(&stem, &content);
                article.id = unique_id(&mut used_ids, article.id);
                loose.articles.push(article);
            }
            Format::Jsonl => {
                let parsed = parse_jsonl(&name, &stem, &content);
                out.errors.extend(parsed.errors);
                for mut article in parsed.articles {
                    article.id = unique_id(&mut used_ids, article.id);
                    loose.articles.push(article);
                }
                out.stories.extend(parsed.stories);
            }
            Format::MultiNews => out.stories.extend(parse_multinews(&stem, &content)),
        }
    }
    if !loose.articles.is_empty() {
        out.stories.insert(0, loose);
    }
    out
}

fn unique_id(used: &mut rustc_hash::FxHashSet<String>, id: String) -> String {
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

fn walk(dir: &Path, files: &mut Vec<(PathBuf, Option<Format>)>, out: &mut Ingested) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(err) => {
            out.errors.push(InputError {
                path: dir.display().to_string(),
                line: None,
                message: format!("cannot read folder: {err}"),
            });
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
        if path.is_dir() {
            walk(&path, files, out);
        } else if let Some(format) = Format::from_path(&path) {
            files.push((path, Some(format)));
        } else {
            out.skipped.push(path);
        }
    }
}

/// Reads a file (or stdin) as text, refusing empty, binary and non-UTF-8 input.
fn read_input(path: &Path) -> Result<(String, String), InputError> {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let fail = |message: String| InputError {
        path: name.clone(),
        line: None,
        message,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(format!("cannot read: {e}")))?;
    } else {
        let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(format!("cannot read: {e}")))?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "larger than {} MiB",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let content = decode(&bytes).map_err(fail)?;
    Ok((name, content))
}

/// Decodes file bytes as UTF-8 text (a byte-order mark is dropped).
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".to_string());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => Err(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            err.valid_up_to()
        )),
    }
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
    fn decode_refuses_bad_bytes() {
        assert_eq!(decode(b"  \n").unwrap_err(), "empty file");
        assert!(decode(b"ab\0cd").unwrap_err().starts_with("binary"));
        assert!(decode(b"caf\xe9 au lait").unwrap_err().contains("offset 3"));
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(Format::sniff("  {\"text\":\"a\"}"), Format::Jsonl);
        assert_eq!(Format::sniff("a ||||| b"), Format::MultiNews);
        assert_eq!(Format::sniff("Headline\n\nBody."), Format::Text);
    }

    #[test]
    fn error_names_file_and_line() {
        let err = InputError {
            path: "a.jsonl".into(),
            line: Some(3),
            message: "bad".into(),
        };
        assert_eq!(err.to_string(), "a.jsonl:3: bad");
    }
}
