//! What can be wrong with an input: one error type for every reader, so
//! that a caller can tell a file too big from a bad JSON line by matching
//! rather than by reading messages.

use std::fmt;
use std::path::PathBuf;

use crate::scan::controls::escape_controls;

/// A problem with one input file or line; the batch carries on without it.
///
/// Displayed as `path:line: what is wrong` (`path: …` when there is no
/// line), the whole story on one line, as a batch's problems are listed.
/// [`source`](std::error::Error::source) gives the underlying I/O or JSON
/// error, when there is one.
#[derive(Debug)]
pub struct ReadError {
    /// The file, `<stdin>`, or what the caller named the input (`request`).
    pub path: String,
    /// 1-based line, for line-oriented formats.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// A problem with a whole input.
    pub(crate) fn new(path: &str, kind: ReadErrorKind) -> ReadError {
        ReadError {
            path: path.to_string(),
            line: None,
            kind,
        }
    }

    /// A problem with one line of an input.
    pub(crate) fn at_line(path: &str, line: usize, kind: ReadErrorKind) -> ReadError {
        ReadError {
            path: path.to_string(),
            line: Some(line),
            kind,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self.line {
            Some(line) => format!("{}:{}: {}", self.path, line, self.kind),
            None => format!("{}: {}", self.path, self.kind),
        };
        // A file name, an id or a date may hold control codes; a message
        // is printed, so they are written out rather than obeyed.
        f.write_str(&escape_controls(&message))
    }
}

// Written out rather than derived: the kind's message is already part of
// the display, so the source skips it and goes straight to what caused it.
impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}

/// What is wrong with an input, as the readers find it.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// The file could not be opened.
    #[error("cannot open: {0}")]
    Open(#[source] std::io::Error),
    /// The file or stdin could not be read.
    #[error("cannot read: {0}")]
    Read(#[source] std::io::Error),
    /// A named pipe, socket or device: reading one could wait forever or
    /// never end, so it is not read (stdin is read when named `-`).
    #[error("{kind}, not a regular file; skipped")]
    NotARegularFile {
        /// What it is.
        kind: SpecialFile,
    },
    /// A folder could not be listed.
    #[error("cannot read folder: {0}")]
    ReadFolder(#[source] std::io::Error),
    /// A folder reached a second time, through a symbolic link back up the
    /// tree; it is not read again.
    #[error(
        "folder loop: {} was already read (a symbolic link points back into the tree)",
        .0.display()
    )]
    FolderLoop(PathBuf),
    /// The input is larger than the size limit, in bytes.
    #[error(
        "{} is over the limit of {} (--max-file-size)",
        human_size(*.size),
        human_size(*.limit)
    )]
    TooLarge {
        /// Its size (at least; stdin is read only to just past the limit).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Nothing but white space.
    #[error("empty file")]
    Empty,
    /// Binary data rather than text.
    #[error(
        "binary file ({})",
        if *.nul_bytes { "contains NUL bytes" } else { "mostly control characters" }
    )]
    Binary {
        /// Whether NUL bytes gave it away (else a share of control characters).
        nul_bytes: bool,
    },
    /// Markup nested deeper than the limit; no parser was given it.
    #[error("markup nested {depth} deep, over the limit of {limit} (--max-depth)")]
    TooDeep {
        /// How deep it is nested.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// A page reader mode could not read at all.
    #[error("cannot read the page: {0}")]
    Page(String),
    /// A page with no text in it.
    #[error("HTML page without text")]
    PageWithoutText,
    /// Not a feed the feed parser could read.
    #[error("not a readable feed: {0}")]
    Feed(String),
    /// A feed entry with neither content nor summary (1-based).
    #[error("entry {0} has no text")]
    EntryWithoutText(usize),
    /// A line that is not JSON.
    #[error("invalid JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// JSON that is not an object where an article or cluster was expected.
    #[error("expected a JSON object")]
    NotAnObject,
    /// An article without its `text` field.
    #[error("missing \"{0}\"")]
    MissingField(&'static str),
    /// A field of the wrong JSON type.
    #[error("\"{field}\" must {expected}")]
    FieldType {
        /// The field.
        field: &'static str,
        /// What it must be ("be a string or null", "hold strings").
        expected: &'static str,
    },
    /// An article whose text is only white space.
    #[error("article has no text")]
    ArticleWithoutText,
    /// One document of a cluster line could not be used; the rest of the
    /// cluster is kept.
    #[error("cluster {cluster}, document {index}: {problem}")]
    Document {
        /// The cluster's id.
        cluster: String,
        /// The document's 0-based place in `documents`.
        index: usize,
        /// What is wrong with it.
        problem: Box<ReadErrorKind>,
    },
    /// A cluster line none of whose documents could be used.
    #[error("cluster {0} has no usable documents")]
    EmptyCluster(String),
    /// A publication date chorus will not use; the article is kept and its
    /// date shown as given.
    #[error("article {article}: {problem}")]
    Date {
        /// The article's id.
        article: String,
        /// What is wrong with the date.
        problem: String,
    },
}

/// What a path that is neither a regular file nor a folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialFile {
    /// A named pipe (FIFO): a read waits until something writes to it.
    NamedPipe,
    /// A Unix domain socket.
    Socket,
    /// A character device (`/dev/zero` never ends, a terminal waits).
    CharacterDevice,
    /// A block device (a disk).
    BlockDevice,
    /// Anything else the system reports that is not a file.
    Other,
}

impl fmt::Display for SpecialFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SpecialFile::NamedPipe => "a named pipe (FIFO)",
            SpecialFile::Socket => "a socket",
            SpecialFile::CharacterDevice => "a character device",
            SpecialFile::BlockDevice => "a block device",
            SpecialFile::Other => "a special file",
        })
    }
}

/// Bytes as people read them: "10 bytes", "64.0 MiB".
fn human_size(bytes: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_file_and_line() {
        let err = ReadError::at_line("a.jsonl", 3, ReadErrorKind::NotAnObject);
        assert_eq!(err.to_string(), "a.jsonl:3: expected a JSON object");
        let err = ReadError::new(
            "big.txt",
            ReadErrorKind::TooLarge {
                size: 200 << 20,
                limit: 10,
            },
        );
        assert_eq!(
            err.to_string(),
            "big.txt: 200.0 MiB is over the limit of 10 bytes (--max-file-size)"
        );
    }

    #[test]
    fn control_codes_in_messages_are_written_out() {
        let err = ReadError::at_line(
            "dir/\u{1b}]0;title\u{7}.jsonl",
            2,
            ReadErrorKind::Date {
                article: "a\u{9b}1m".to_string(),
                problem: "date \"x\u{1b}[2J\" is not a date".to_string(),
            },
        );
        assert_eq!(
            err.to_string(),
            "dir/\\x1b]0;title\\x07.jsonl:2: article a\\u{9b}1m: date \"x\\x1b[2J\" is not a date"
        );
        let err = ReadError::new(
            "pipe.txt",
            ReadErrorKind::NotARegularFile {
                kind: SpecialFile::NamedPipe,
            },
        );
        assert_eq!(
            err.to_string(),
            "pipe.txt: a named pipe (FIFO), not a regular file; skipped"
        );
    }

    #[test]
    fn the_cause_is_the_source() {
        use std::error::Error;
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let err = ReadError::new("x.txt", ReadErrorKind::Open(io));
        assert_eq!(err.to_string(), "x.txt: cannot open: gone");
        let source = err
            .source()
            .and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(
            source.map(std::io::Error::kind),
            Some(std::io::ErrorKind::NotFound)
        );
        assert!(
            ReadError::new("x.txt", ReadErrorKind::Empty)
                .source()
                .is_none()
        );
    }
}
