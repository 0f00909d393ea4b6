"""Prints, for hand-labelling, the sentences of one Multi-News cluster that
carry a figure (digits or a number word) or a quote, document by document.

    python3 scripts/facts_label_aid.py ../shared/data/multinews-dev.jsonl CLUSTER_ID [--quotes]

Independent of chorus on purpose: labels must not be read off the system's
own grouping. The clusters labelled in eval/facts-multinews-dev.jsonl were
chosen by `--pick`: the first clusters in file order with at least three
documents, at least 15 digit groups and at most 3,500 words.
"""
import json
import re
import sys

NUMBER_WORDS = r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundreds|thousands|millions|billion|million|thousand|half)\b"


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])|\n+", text) if s.strip()]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, cluster = sys.argv[1], sys.argv[2]
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    if cluster == "--pick":
        picked = []
        for r in rows:
            docs = r["documents"]
            digits = sum(len(re.findall(r"\b\d[\d,.]*\b", d["text"])) for d in docs)
            words = sum(len(d["text"].split()) for d in docs)
            if len(docs) >= 3 and digits >= 15 and words <= 3500:
                picked.append(r["id"])
        print("\n".join(picked[: int(sys.argv[3]) if len(sys.argv) > 3 else 16]))
        return
    quotes = "--quotes" in sys.argv
    row = next(r for r in rows if r["id"] == cluster)
    if "--spans" in sys.argv:
        # Every quoted span of three words or more, whole, document by document.
        for n, doc in enumerate(row["documents"]):
            text = doc["text"].replace("\n", " ")
            seen = []
            # Straight and curly quotes, and the ``...'' (or ''...'') marks of LDC newswire (DUC).
            for m in re.finditer(r"[\"“]([^\"“”]{3,}?)[\"”]|(?:``|'')((?:(?!``|'').){3,}?)''", text):
                span = (m.group(1) or m.group(2)).strip()
                if len(span.split()) >= 3 and span not in seen:
                    seen.append(span)
            print(f"== d{n}: " + " | ".join(s[:110] for s in seen))
        return
    for n, doc in enumerate(row["documents"]):
        print(f"== d{n}")
        for s in sentences(doc["text"]):
            has_figure = re.search(r"\d", s) or re.search(NUMBER_WORDS, s, re.I)
            has_quote = re.search(r"[\"“”]|``|''", s)
            if (has_quote if quotes else has_figure):
                print("  " + s[:400])


main()
