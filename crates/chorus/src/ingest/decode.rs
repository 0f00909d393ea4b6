//! Bytes to text: byte-order marks (UTF-8, UTF-16), UTF-8, a declared
//! charset, or a detected legacy encoding (Windows-1252, Latin-1 and the
//! rest chardetng knows); then mojibake (UTF-8 once read as Windows-1252)
//! repaired line by line. Binary input is refused.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::ReadErrorKind;

/// Decoded text and what decoding had to do to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// What a reader of the report should know ("decoded from windows-1252").
    pub notes: Vec<String>,
}

/// Share of control characters above which text is taken for binary.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decodes a file's bytes; `declared` is a charset label the file gave
/// (an HTML `<meta charset>` or an XML declaration), used when the bytes
/// are not UTF-8.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, ReadErrorKind> {
    let mut notes = Vec::new();
    let text = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if encoding != UTF_8 {
            notes.push(format!(
                "decoded from {} (byte-order mark)",
                encoding.name()
            ));
        }
        if had_errors {
            notes.push(format!("invalid {} sequences replaced", encoding.name()));
        }
        text.into_owned()
    } else {
        if bytes.iter().take(8192).any(|&b| b == 0) {
            return Err(ReadErrorKind::Binary { nul_bytes: true });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => {
                // A declaration of UTF-8 is plainly wrong here: detect instead.
                let declared = declared
                    .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
                    .filter(|e| *e != UTF_8);
                let (encoding, how) = match declared {
                    Some(encoding) => (encoding, "declared"),
                    None => (detect(bytes), "not UTF-8; detected"),
                };
                let (text, _, had_errors) = encoding.decode(bytes);
                notes.push(format!("decoded from {} ({how})", encoding.name()));
                if had_errors {
                    notes.push(format!("invalid {} sequences replaced", encoding.name()));
                }
                text.into_owned()
            }
        }
    };
    if text.trim().is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    if looks_binary(&text) {
        return Err(ReadErrorKind::Binary { nul_bytes: false });
    }
    let (text, repaired) = repair_mojibake(&text);
    if repaired > 0 {
        notes.push(format!(
            "repaired {repaired} line(s) of mojibake (UTF-8 that had been read as Windows-1252)"
        ));
    }
    Ok(Decoded { text, notes })
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // The bytes are known not to be UTF-8 by now.
    let guess = detector.guess(None, Utf8Detection::Deny);
    // Short Western text often decodes identically in several single-byte
    // encodings; name the most common one when it reads the same.
    if guess != WINDOWS_1252 {
        let (theirs, _, _) = guess.decode(bytes);
        let (ours, _, errors) = WINDOWS_1252.decode(bytes);
        if !errors && theirs == ours {
            return WINDOWS_1252;
        }
    }
    guess
}

fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    control as f64 > MAX_CONTROL_SHARE * sample.len() as f64
}

/// Whether text still shows mojibake (one that could not be repaired, such
/// as a line that mixes it with characters Windows-1252 lacks).
pub fn has_mojibake(text: &str) -> bool {
    // Every mark starts with the byte 0xC3 or 0xC2 in UTF-8: a cheap first test.
    text.bytes().any(|b| b == 0xC3 || b == 0xC2) && mojibake_marks(text) > 0
}

/// Characters that open a UTF-8 sequence once it is read as Windows-1252.
fn mojibake_marks(line: &str) -> usize {
    let chars: Vec<char> = line.chars().collect();
    chars
        .windows(2)
        .filter(|w| {
            matches!(w[0], 'Ã' | 'Â' | 'â' | 'Å' | 'Ä' | 'Ð' | 'Ñ')
                && (('\u{80}'..='\u{bf}').contains(&w[1])
                    || matches!(
                        w[1],
                        '€' | '™'
                            | '‚'
                            | 'ƒ'
                            | '„'
                            | '…'
                            | '†'
                            | '‡'
                            | 'ˆ'
                            | '‰'
                            | 'Š'
                            | '‹'
                            | 'Œ'
                            | 'Ž'
                            | '‘'
                            | '’'
                            | '“'
                            | '”'
                            | '•'
                            | '–'
                            | '—'
                            | '˜'
                            | 'š'
                            | '›'
                            | 'œ'
                            | 'ž'
                            | 'Ÿ'
                    ))
        })
        .count()
}

/// Re-reads lines that show UTF-8 decoded as Windows-1252 ("cafÃ©",
/// "â€™"); a line is changed only when the repair is valid UTF-8 and
/// leaves fewer such marks. Returns the text and how many lines changed.
pub fn repair_mojibake(text: &str) -> (String, usize) {
    if !text.contains(['Ã', 'Â', 'â', 'Å', 'Ä', 'Ð', 'Ñ']) {
        return (text.to_string(), 0);
    }
    let mut repaired = 0;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let marks = mojibake_marks(line);
        let fixed = (marks > 0)
            .then(|| {
                let (bytes, _, unmappable) = WINDOWS_1252.encode(line);
                if unmappable {
                    return None;
                }
                String::from_utf8(bytes.into_owned()).ok()
            })
            .flatten()
            .filter(|fixed| mojibake_marks(fixed) < marks);
        match fixed {
            Some(fixed) => {
                out.push_str(&fixed);
                repaired += 1;
            }
            None => out.push_str(line),
        }
    }
    (out, repaired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello", None).unwrap().text, "hello");
        let plain = decode("café".as_bytes(), None).unwrap();
        assert_eq!(plain.text, "café");
        assert!(plain.notes.is_empty());
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Talks end".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, "Talks end");
        assert!(decoded.notes[0].contains("UTF-16LE"));
        let mut big = vec![0xFE, 0xFF];
        for unit in "Talks end".encode_utf16() {
            big.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&big, None).unwrap().text, "Talks end");
    }

    #[test]
    fn legacy_encodings_are_detected_or_declared() {
        let cp1252 = b"The caf\xe9 reopened \x93yesterday\x94 after repairs to the roof.";
        let decoded = decode(cp1252, None).unwrap();
        assert_eq!(
            decoded.text,
            "The café reopened “yesterday” after repairs to the roof."
        );
        assert!(
            decoded.notes[0].contains("windows-1252"),
            "{:?}",
            decoded.notes
        );
        let latin1 = decode(b"Se\xf1or Mu\xf1oz lleg\xf3.", Some("iso-8859-1")).unwrap();
        assert_eq!(latin1.text, "Señor Muñoz llegó.");
        assert!(latin1.notes[0].contains("declared"));
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert!(matches!(decode(b"  \n", None), Err(ReadErrorKind::Empty)));
        assert!(matches!(
            decode(b"ab\0cd", None),
            Err(ReadErrorKind::Binary { nul_bytes: true })
        ));
        let noise: Vec<u8> = (0..400u32).map(|i| (i % 31) as u8 + 1).collect();
        let err = decode(&noise, None).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("binary file (mostly control characters)")
        );
    }

    #[test]
    fn mojibake_is_repaired() {
        let (text, lines) = repair_mojibake("The cafÃ© didnâ€™t open.\nAll fine here.\n");
        assert_eq!(text, "The café didn’t open.\nAll fine here.\n");
        assert_eq!(lines, 1);
        // Real accented text is left alone.
        let (text, lines) = repair_mojibake("Ångström and Ärger are words.");
        assert_eq!(text, "Ångström and Ärger are words.");
        assert_eq!(lines, 0);
        assert!(!has_mojibake("Ångström and Ärger are words."));
        // Mixed with Arabic, the line cannot be re-read; it is still flagged.
        let mixed = "didnâ€™t — قال";
        assert_eq!(repair_mojibake(mixed).1, 0);
        assert!(has_mojibake(mixed));
    }
}
