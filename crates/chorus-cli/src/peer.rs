//! The clustering peer beside chorus: `chorus eval-cluster --peer SCRIPT`
//! runs a peer script (such as `cluster_peer.py`, scikit-learn's tf-idf and
//! average link) on the same data files and prints its figure under
//! chorus's, so that every figure is read side by side.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The figure a peer reports: its best BCubed scores over the thresholds
/// it tried (an oracle choice made on the data itself).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PeerFigure {
    /// The script run.
    pub script: String,
    /// The threshold it found best.
    pub threshold: String,
    /// BCubed precision at that threshold.
    pub bcubed_precision: f64,
    /// BCubed recall.
    pub bcubed_recall: f64,
    /// BCubed F1.
    pub bcubed_f1: f64,
}

/// Runs `python script data…` and reads its figure.
pub fn run(python: &Path, script: &Path, data: &[PathBuf]) -> Result<PeerFigure> {
    let output = std::process::Command::new(python)
        .arg(script)
        .args(data)
        .output()
        .with_context(|| {
            format!(
                "cannot run the peer {} with {}",
                script.display(),
                python.display()
            )
        })?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        bail!(
            "the peer {} failed ({}): {last}",
            script.display(),
            output.status
        );
    }
    let script_name = script.display().to_string();
    parse(&stdout, &script_name).with_context(|| {
        format!(
            "the peer {} printed no \"best threshold\" line",
            script.display()
        )
    })
}

/// Reads the last line of the form `… best threshold T: BCubed P p R r F1 f …`.
pub fn parse(output: &str, script: &str) -> Option<PeerFigure> {
    output.lines().rev().find_map(|line| {
        let (_, rest) = line.split_once("best threshold ")?;
        let (threshold, scores) = rest.split_once(':')?;
        let words: Vec<&str> = scores.split_whitespace().collect();
        let after = |label: &str| -> Option<f64> {
            let at = words.iter().position(|w| *w == label)?;
            words.get(at + 1)?.parse().ok()
        };
        Some(PeerFigure {
            script: script.to_string(),
            threshold: threshold.trim().to_string(),
            bcubed_precision: after("P")?,
            bcubed_recall: after("R")?,
            bcubed_f1: after("F1")?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_best_line() {
        let output = "sklearn tfidf+average-link  distance<0.80: P 0.874 R 0.896 F1 0.885 (60 stories)\n\
                      772 articles; best threshold 0.8: BCubed P 0.874 R 0.896 F1 0.885 (183.2s for all thresholds)\n";
        let figure = parse(output, "cluster_peer.py").expect("a figure");
        assert_eq!(figure.threshold, "0.8");
        assert_eq!(
            (
                figure.bcubed_precision,
                figure.bcubed_recall,
                figure.bcubed_f1
            ),
            (0.874, 0.896, 0.885)
        );
        assert_eq!(parse("no figure here\n", "x"), None);
        assert_eq!(
            parse("best threshold 0.8: BCubed P x R 1 F1 1\n", "x"),
            None
        );
    }
}
