"""Writes crates/chorus/src/compare/given_names.txt: the first names that open a person's
name. Taken from the 1990 US Census name lists (public domain) as the `names` package on
PyPI ships them: the most common names, those covering 85% of people of each sex, less
the single-word places of gazetteer.tsv, the US states and the words that open other
names as often.

Run: pip download names --no-deps -d /tmp/names && python3 scripts/given_names.py /tmp/names/names-*.tar.gz
"""
import pathlib
import sys
import tarfile

# Cumulative share of people the names kept cover, per sex.
COVERAGE = 85.0

# Words that open names of things as often as people's: "Al Qaeda", "Christian
# Democrats", "Summer Olympics", "Star Wars", "King Street", "Will Congress act?", "Santa
# Rosa", "Sierra Leone", "Easter Island", "Morgan Stanley", "Mercedes Benz".
NOT_GIVEN = """
al angel april art august amber christian crystal daisy dawn easter faith florence gay
grace holly hope iris ivy jade jewel joy june king long major may mercedes merry misty
morgan ok olive page pearl penny princess queen rich rocky rose ruby sandy santa savannah
sierra son soon star summer sun trinidad valencia van violet ward will young
""".split()

# The states of the US, whose names open names of things ("Nevada Public Radio",
# "Virginia Tech"); the gazetteer holds countries and cities, not states.
STATES = """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada new north ohio oklahoma
oregon pennsylvania rhode south tennessee texas utah vermont virginia washington west
wisconsin wyoming carolina dakota
""".split()

HEADER = """\
# Given names that open a person's name, one per line: the most common first names
# of the 1990 US Census (public domain; the names covering 85% of people, male and
# female), less countries and cities of the gazetteer ("Jordan", "Sydney"), the US states
# ("Nevada") and words that open other names as often ("Al" Qaeda, "Summer" Olympics).
# Each line: name<TAB>the sexes the census gives it to (f, m, or fm for both).
# Written by scripts/given_names.py.
"""


# Names the US gives mostly to women and other countries to men ("Andrea"
# Bocelli, "Nicola" Sturgeon's namesakes, "Sasha", "Nikita", "Joan" in Catalan):
# either sex, so that a "he" may be one.
EITHER_SEX = "andrea nicola simone michele sasha dominique nikita joan".split()


def sex_of(name: str, shares: dict) -> str:
    """The sexes a name is given to: one when the census finds it ten times as
    often among one sex (its lists hold a few "John"s among women), else both."""
    m, f = shares.get("m", 0.0), shares.get("f", 0.0)
    if name in EITHER_SEX:
        return "fm"
    if m >= 10 * f:
        return "m"
    if f >= 10 * m:
        return "f"
    return "fm"


def main(archive: str) -> None:
    root = pathlib.Path(__file__).resolve().parent.parent / "crates/chorus/src/compare"
    places = set()
    for line in (root / "gazetteer.tsv").read_text().splitlines():
        fields = line.split("\t")
        if len(fields) > 1 and " " not in fields[1]:
            places.add(fields[1].lower())
    sexes = {}
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            for suffix, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
                if not member.name.endswith(suffix):
                    continue
                for row in tar.extractfile(member).read().decode().splitlines():
                    name, share, cumulative, _ = row.split()
                    if float(cumulative) <= COVERAGE:
                        sexes.setdefault(name.lower(), {})[sex] = float(share)
    kept = sorted(set(sexes) - places - set(NOT_GIVEN) - set(STATES))
    lines = [f"{name}\t{sex_of(name, sexes[name])}" for name in kept]
    (root / "given_names.txt").write_text(HEADER + "\n".join(lines) + "\n")
    print(f"{len(kept)} given names")


if __name__ == "__main__":
    main(sys.argv[1])
