//! Terminal control codes in text: escape sequences (`ESC[2J` clears the
//! screen, `ESC]0;…BEL` sets a window's title) and the C0 and C1 control
//! characters a terminal acts on.
//!
//! Text read from the web or a file can carry them. Ingest strips them
//! ([`strip_controls`]) so that they reach neither the scanners (where
//! `ESC[41m` would read as "41 million") nor a store; what prints text
//! escapes any that are left ([`escape_controls`]) as a second defence.
//!
//! Written here rather than taken from `strip-ansi-escapes` (over `vte`):
//! that drops tabs and carriage returns, says nothing of how much it
//! removed, and lets an unterminated `ESC]` swallow the rest of the text.
//! Here a string sequence (OSC, DCS, SOS, PM, APC) must end on its own
//! line, or only its opening is removed; the rest stays as text.

use std::borrow::Cow;

/// A character a terminal may act on: every control character (C0, DEL
/// and C1) except newline and tab.
pub fn is_unsafe_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The text without terminal control codes, and how many codes were
/// removed (a whole escape sequence counts once). Carriage returns are
/// line ends: `\r\n` and a lone `\r` become `\n` and are not counted.
///
/// ```
/// use chorus::scan::controls::strip_controls;
///
/// let (text, removed) = strip_controls("\u{1b}[41mRED\u{1b}[0m alert");
/// assert_eq!((text.as_ref(), removed), ("RED alert", 2));
/// ```
pub fn strip_controls(text: &str) -> (Cow<'_, str>, usize) {
    let Some(first) = text.find(is_unsafe_control) else {
        return (Cow::Borrowed(text), 0);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut at = first;
    let mut removed = 0;
    // A string sequence opened before this offset is known to have no
    // terminator on its line: later ones on the line fail without a search,
    // which keeps a line of a million `ESC]` linear.
    let mut unterminated_until = 0;
    while at < text.len() {
        let rest = &text[at..];
        let Some(c) = rest.chars().next() else { break };
        if c == '\r' {
            out.push('\n');
            at += if rest.as_bytes().get(1) == Some(&b'\n') {
                2
            } else {
                1
            };
        } else {
            let len = sequence_len(text, at, &mut unterminated_until);
            removed += 1;
            at += len;
        }
        // Copy the plain run up to the next control code in one go.
        let run = text[at..]
            .find(is_unsafe_control)
            .unwrap_or(text.len() - at);
        out.push_str(&text[at..at + run]);
        at += run;
    }
    (Cow::Owned(out), removed)
}

/// The text with every unsafe control character written out visibly:
/// `\x1b` for C0 and DEL, `\u{9b}` for C1. Nothing is lost, and nothing
/// reaches a terminal as a command.
///
/// ```
/// use chorus::scan::controls::escape_controls;
///
/// assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\x1b[2Jb");
/// ```
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.contains(is_unsafe_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !is_unsafe_control(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// ESC, or the C1 character that stands for ESC and a letter.
const ESC: char = '\u{1b}';
/// C1 String Terminator.
const ST: char = '\u{9c}';
const BEL: char = '\u{7}';

/// How an escape sequence goes on after its opening.
enum Sequence {
    /// Control Sequence: parameters, intermediates, one final character.
    Control,
    /// A string ended by BEL or ST (operating system command and kin).
    String,
    /// Intermediates, then one final character (`ESC ( B`).
    Intermediates,
    /// Nothing more: the opening is the whole of it.
    Done,
}

/// Byte length of the control code that starts at `at` (an unsafe control
/// character, not `\r`): a whole escape sequence, or the one character.
fn sequence_len(text: &str, at: usize, unterminated_until: &mut usize) -> usize {
    let rest = &text[at..];
    let mut chars = rest.chars();
    let Some(first) = chars.next() else { return 0 };
    let (kind, opening) = match first {
        ESC => match chars.next() {
            Some('[') => (Sequence::Control, 2),
            Some(']' | 'P' | 'X' | '^' | '_') => (Sequence::String, 2),
            Some(' '..='/') => (Sequence::Intermediates, 1),
            Some('0'..='~') => (Sequence::Done, 2),
            _ => (Sequence::Done, 1),
        },
        '\u{9b}' => (Sequence::Control, 2),
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => (Sequence::String, 2),
        other => (Sequence::Done, other.len_utf8()),
    };
    let body = &rest[opening..];
    match kind {
        Sequence::Done => opening,
        Sequence::Control => {
            let params = run_of(body, 0x30..=0x3f);
            let inter = run_of(&body[params..], 0x20..=0x2f);
            let end = params + inter;
            let last = body
                .as_bytes()
                .get(end)
                .is_some_and(|b| (0x40..=0x7e).contains(b));
            opening + end + usize::from(last)
        }
        Sequence::Intermediates => {
            let inter = run_of(body, 0x20..=0x2f);
            let last = body
                .as_bytes()
                .get(inter)
                .is_some_and(|b| (0x30..=0x7e).contains(b));
            opening + inter + usize::from(last)
        }
        Sequence::String => {
            if at + opening < *unterminated_until {
                return opening;
            }
            let line_end = body.find('\n').unwrap_or(body.len());
            let line = &body[..line_end];
            match line.find([BEL, ESC, ST]) {
                Some(end) => {
                    let tail = &line[end..];
                    let terminator = if tail.starts_with(BEL) {
                        1
                    } else if tail.starts_with(ST) {
                        ST.len_utf8()
                    } else if tail.as_bytes().get(1) == Some(&b'\\') {
                        2
                    } else {
                        // Another escape sequence cuts the string short; it
                        // is a code of its own.
                        0
                    };
                    opening + end + terminator
                }
                None => {
                    *unterminated_until = at + opening + line_end;
                    opening
                }
            }
        }
    }
}

/// Length of the leading run of ASCII bytes in `range`.
fn run_of(text: &str, range: std::ops::RangeInclusive<u8>) -> usize {
    text.bytes().take_while(|b| range.contains(b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_sequences_and_characters() {
        // (input, text left, codes removed)
        let cases: &[(&str, &str, usize)] = &[
            ("plain text\twith a tab\n", "plain text\twith a tab\n", 0),
            ("\u{1b}[2Jcleared", "cleared", 1),
            ("\u{1b}[41mred\u{1b}[0m", "red", 2),
            ("\u{1b}[38;5;196mcolour", "colour", 1),
            ("\u{1b}[?25lhidden cursor", "hidden cursor", 1),
            ("\u{1b}]0;title\u{7}body", "body", 1),
            (
                "\u{1b}]8;;https://x.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
                "link",
                2,
            ),
            ("\u{1b}Pq#0;2;0;0;0\u{1b}\\after", "after", 1),
            ("\u{1b}(Bcharset", "charset", 1),
            ("\u{1b}creset", "reset", 1),
            ("\u{1b}7saved\u{1b}8", "saved", 2),
            ("\u{9b}41mC1 CSI", "C1 CSI", 1),
            ("\u{9d}0;t\u{9c}C1 OSC", "C1 OSC", 1),
            ("bell\u{7} and\u{8} backspace", "bell and backspace", 2),
            ("nul\u{0}del\u{7f}c1\u{85}", "nuldelc1", 3),
            ("lone \u{1b}", "lone ", 1),
            ("\u{1b}\u{1b}[1m", "", 2),
            ("line\r\nend\rold mac", "line\nend\nold mac", 0),
            ("café \u{1b}[1mnaïve", "café naïve", 1),
        ];
        for (input, left, removed) in cases {
            let (text, count) = strip_controls(input);
            assert_eq!((text.as_ref(), count), (*left, *removed), "input {input:?}");
        }
    }

    #[test]
    fn an_unterminated_string_keeps_the_text_after_it() {
        let cases: &[(&str, &str, usize)] = &[
            // Only the opening goes; the line is kept as text.
            (
                "\u{1b}]0;not a title\nnext line",
                "0;not a title\nnext line",
                1,
            ),
            // A terminator on a later line does not count.
            ("\u{1b}]0;x\nkept\u{7}", "0;x\nkept", 2),
            // An escape sequence inside a string ends it.
            ("\u{1b}]0;t\u{1b}[1mbold", "bold", 2),
            // A broken control sequence ends at the first byte it cannot hold.
            ("\u{1b}[12;é", "é", 1),
        ];
        for (input, left, removed) in cases {
            let (text, count) = strip_controls(input);
            assert_eq!((text.as_ref(), count), (*left, *removed), "input {input:?}");
        }
    }

    #[test]
    fn nothing_unsafe_is_left_and_the_work_is_linear() {
        let hostile = "\u{1b}]".repeat(200_000);
        let (text, removed) = strip_controls(&hostile);
        assert_eq!(text, "");
        assert_eq!(removed, 200_000);
        let mixed = "a\u{1b}]b\u{9d}c\u{1b}[".repeat(50_000);
        let (text, _) = strip_controls(&mixed);
        assert!(!text.contains(is_unsafe_control));
    }

    #[test]
    fn text_without_controls_is_borrowed() {
        assert!(matches!(
            strip_controls("nothing to do\n"),
            (Cow::Borrowed(_), 0)
        ));
        assert!(matches!(escape_controls("nothing"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_are_visible() {
        let cases: &[(&str, &str)] = &[
            ("a\u{1b}[2Jb", "a\\x1b[2Jb"),
            ("t\u{7}", "t\\x07"),
            ("\u{9b}41m", "\\u{9b}41m"),
            ("cr\r", "cr\\x0d"),
            ("kept\n\tas is", "kept\n\tas is"),
        ];
        for (input, escaped) in cases {
            assert_eq!(escape_controls(input), *escaped, "input {input:?}");
        }
    }
}
