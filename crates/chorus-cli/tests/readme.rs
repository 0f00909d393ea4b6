//! The README shows real output: every line of its sample brief is a line
//! `chorus summarize examples/reports` prints.

use crate::util::*;

/// The first fenced block after the heading `heading` in the README.
fn sample_after(readme: &str, heading: &str) -> Vec<String> {
    let after = readme
        .split_once(heading)
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("the README has a {heading:?} section"));
    let block = after
        .split("```")
        .nth(1)
        .expect("a fenced block follows the heading");
    block.lines().skip(1).map(str::to_string).collect()
}

#[test]
fn readme_sample_is_the_real_output() {
    let readme =
        std::fs::read_to_string(workspace_root().join("README.md")).expect("the README is there");
    let shown = sample_after(&readme, "## What it prints");
    let output = chorus(&["summarize", "examples/reports"]);
    let printed = stdout(&output);
    let printed: Vec<&str> = printed.lines().collect();
    let mut checked = 0;
    for line in &shown {
        // "…" stands for lines left out of the sample.
        if line.trim().is_empty() || line.trim() == "…" {
            continue;
        }
        assert!(
            printed.contains(&line.as_str()),
            "the README shows a line the brief does not print:\n{line}\n--- brief ---\n{}",
            printed.join("\n")
        );
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} lines of the sample checked");
}
