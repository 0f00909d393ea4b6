#!/usr/bin/env python3
"""Writes crates/chorus-eval/tests/fixtures/rouge.jsonl: text pairs and the scores Google's
rouge-score gives them (stemmer on), which chorus's ROUGE must match.

    pip install rouge-score==0.1.2 && python3 scripts/rouge_fixtures.py

The texts are the fictional example reports plus hand-written edge cases;
no evaluation data is used.
"""
import json
import pathlib
import re

from rouge_score import rouge_scorer

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPORTS = ROOT / "examples" / "reports"


def body(path):
    if path.suffix == ".jsonl":
        return json.loads(path.read_text(encoding="utf-8").splitlines()[0])["text"]
    return path.read_text(encoding="utf-8")


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def main():
    texts = {p.stem: body(p) for p in sorted(REPORTS.iterdir()) if p.suffix in (".txt", ".jsonl")}
    names = sorted(texts)
    pairs = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            pairs.append((texts[a], texts[b]))
    for name in names:
        parts = sentences(texts[name])
        pairs.append((texts[name], " ".join(parts[::2])))
        pairs.append((" ".join(parts[1:]), " ".join(reversed(parts))))
    pairs += [
        ("The cats were running quickly.", "A cat runs quick"),
        ("Généralement, l'économie va bien.", "generalement l economie"),
        ("KELVIN: 300K at 3.5% — 1,200 crore", "300k 3 5 1 200 crore kelvin"),
        ("the the the cat", "the cat the the the"),
        ("Nothing in common here.", "Completely different words."),
        ("Reference text.", ""),
        ("", "Candidate text."),
        ("Leaders' meetings: generalizations, hopefulness, relational.", "leader meeting generalization hopeful relate"),
    ]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    out = ROOT / "crates" / "chorus-eval" / "tests" / "fixtures" / "rouge.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for reference, candidate in pairs:
            scores = scorer.score(reference, candidate)
            row = {"reference": reference, "candidate": candidate}
            for key, s in scores.items():
                row[key] = [s.precision, s.recall, s.fmeasure]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(pairs)} pairs to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
