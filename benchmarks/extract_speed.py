"""Words per second of kg's extraction against bare spaCy `nlp.pipe` on the same texts, in one run.

    .venv/bin/python benchmarks/extract_speed.py [--repeat N] [--rounds R] [PATHS...]

Both sides use the same pipeline and see the same paragraphs (the cleaned text of the sample articles
and, where ../shared is beside the project, the seed articles). kg's side includes its dependency
patterns, name recogniser, relation classifier and resolution; ingest (file reading and cleaning) is
left out of both. The two sides take turns over R rounds, so a slow spell of a shared machine falls on
both rather than on one; the ratio is of the summed times.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.config import Settings
from kg.extract import Extractor
from kg.ingest import ingest
from kg.records import Document
from kg.resolve import Resolver

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [ROOT / "kg" / "samples" / "articles", ROOT.parent / "shared" / "seeds"]


def paragraphs_of(docs: list[Document]) -> list[str]:
    """The documents' paragraphs, as kg's extraction reads them."""
    return [p for d in docs for p in d.text.split("\n") if p]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[p for p in DEFAULT_INPUTS if p.exists()])
    parser.add_argument("--repeat", type=int, default=20, help="how many times the corpus is read (default 20)")
    parser.add_argument("--rounds", type=int, default=4, help="turns each side takes (default 4)")
    args = parser.parse_args()

    extractor = Extractor(Settings().models)
    docs = [d for d in ingest(args.paths) if isinstance(d, Document) and d.lang == "en"] * args.repeat
    paragraphs = paragraphs_of(docs)
    words = sum(len(p.split()) for p in paragraphs)
    nlp = extractor.pipeline("en")
    for _ in nlp.pipe(paragraphs[:20]):  # warm up both sides
        pass

    bare = kg_time = 0.0
    statements = 0
    resolver = Resolver()
    rounds = [docs[k :: args.rounds] for k in range(args.rounds)]
    for part in rounds:
        start = time.perf_counter()
        for _ in nlp.pipe(paragraphs_of(part), batch_size=extractor.batch_size):
            pass
        bare_part = time.perf_counter() - start
        start = time.perf_counter()
        statements += sum(len(resolver.resolve(x).statements) for x in extractor.extract_all(part))
        kg_part = time.perf_counter() - start
        print(f"round: spaCy {bare_part:.2f} s, kg {kg_part:.2f} s, ratio {bare_part / kg_part:.2f}")
        bare += bare_part
        kg_time += kg_part

    print(f"texts: {len(docs)} documents, {len(paragraphs)} paragraphs, {words:,} words")
    print(f"spaCy nlp.pipe ({extractor.models['en']}): {words / bare:,.0f} words/s")
    print(f"kg extract + resolve: {words / kg_time:,.0f} words/s ({statements:,} statements)")
    print(f"ratio kg / spaCy: {bare / kg_time:.2f}")


if __name__ == "__main__":
    main()
