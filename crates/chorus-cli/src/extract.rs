//! `chorus extract`: every article's mentions, one JSON line each (or one
//! JSON array, or readable text).

use std::fmt::Write as _;

use anyhow::Result;
use chorus::extract::{Extraction, Value};
use clap::ValueEnum;

/// Output formats of `chorus extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per article per line.
    Jsonl,
    /// One JSON array of every article.
    Json,
    /// Readable text, one mention per line.
    Text,
}

/// The extractions in `format`.
pub fn render(extractions: &[Extraction], format: ExtractFormat) -> Result<String> {
    Ok(match format {
        ExtractFormat::Jsonl => {
            let mut out = String::new();
            for extraction in extractions {
                out.push_str(&serde_json::to_string(extraction)?);
                out.push('\n');
            }
            out
        }
        ExtractFormat::Json => format!("{}\n", serde_json::to_string_pretty(extractions)?),
        ExtractFormat::Text => text(extractions),
    })
}

fn text(extractions: &[Extraction]) -> String {
    let mut out = String::new();
    for extraction in extractions {
        let date = extraction
            .date
            .as_deref()
            .map(|d| format!(" (read against {d})"))
            .unwrap_or_else(|| " (no publication date)".to_string());
        let _ = writeln!(out, "{}{date}", extraction.id);
        for m in &extraction.mentions {
            let kind = serde_json::to_value(m.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let mut line = format!("  {:>6}-{:<6} {:<9} {}", m.start, m.end, kind, m.text);
            match &m.value {
                Some(Value::Text(v)) => {
                    let _ = write!(line, " = {v}");
                }
                Some(Value::Number(n)) => {
                    let _ = write!(line, " = {n}");
                }
                None => {}
            }
            if let Some(unit) = &m.unit {
                let _ = write!(line, " {unit}");
            }
            if let Some(modifier) = m.modifier {
                let _ = write!(line, " [{modifier}]");
            }
            if let Some(speaker) = &m.speaker {
                let _ = write!(line, " — {speaker}");
            }
            if let (Some(kind), Some(name)) = (m.entity, &m.name) {
                let _ = write!(line, " ({}: {name})", kind.as_str());
            }
            if let Some(note) = &m.note {
                let _ = write!(line, " ({note})");
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
