#!/usr/bin/env python3
"""Score summaries made elsewhere (NIST's DUC peers, or `chorus eval --out`)
with Google's rouge-score, as `chorus eval` scores its own: each summary cut
at WORDS words, Porter stemmer on, the mean over a cluster's references,
then the mean over clusters. Prints one row per system, best R2 recall first.

    pip install rouge-score==0.1.2
    python3 scripts/score_peers.py ../shared/data/duc2006-dev.jsonl \
        ../shared/data/duc2006-nist-peers.jsonl --words 250

SUMMARIES is JSONL, one {"id", "system", "summary"} per line. Human
summaries among the peers (NIST names them with letters) are scored
against the other references only, leaving their own out if it is one.
"""

import argparse
import collections
import json

from rouge_score import rouge_scorer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", help="cluster JSONL with reference summaries")
    parser.add_argument("summaries", nargs="+", help="JSONL of {id, system, summary}")
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()

    references = {}
    with open(args.clusters, encoding="utf-8") as f:
        for line in f:
            cluster = json.loads(line)
            references[cluster["id"]] = cluster.get("summaries") or []
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    per_system = collections.defaultdict(list)
    for path in args.summaries:
        with open(path, encoding="utf-8") as f:
            for line in f:
                peer = json.loads(line)
                refs = references.get(peer["id"])
                if not refs:
                    continue
                text = " ".join(peer["summary"].split()[: args.words])
                # A human peer's own summary is among the references: leave it out.
                refs = [r for r in refs if r.split() != peer["summary"].split()] or refs
                scores = [scorer.score(r, text) for r in refs]
                mean = lambda key, part: sum(getattr(s[key], part) for s in scores) / len(scores)
                per_system[peer["system"]].append(
                    (mean("rouge1", "recall"), mean("rouge2", "recall"),
                     mean("rouge1", "fmeasure"), mean("rouge2", "fmeasure")))
    rows = []
    for system, values in per_system.items():
        n = len(values)
        rows.append((system, n, *(100 * sum(v[k] for v in values) / n for k in range(4))))
    rows.sort(key=lambda r: -r[3])
    print(f"{'system':<10} {'clusters':>8} {'R1-R':>7} {'R2-R':>7} {'R1-F':>7} {'R2-F':>7}")
    for system, n, r1r, r2r, r1f, r2f in rows:
        print(f"{system:<10} {n:>8} {r1r:>7.2f} {r2r:>7.2f} {r1f:>7.2f} {r2f:>7.2f}")


if __name__ == "__main__":
    main()
