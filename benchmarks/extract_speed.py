"""Words per second of kg's extraction against bare spaCy `nlp.pipe` on the same texts, in one run.

    .venv/bin/python benchmarks/extract_speed.py [--repeat N] [PATHS...]

Both sides use the same pipeline and see the same paragraphs (the cleaned text of the sample articles
and, where ../shared is beside the project, the seed articles). kg's side includes its dependency
patterns and resolution; ingest (file reading and cleaning) is left out of both.
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
DEFAULT_INPUTS = [ROOT / "kg" / "samples", ROOT.parent / "shared" / "seeds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[p for p in DEFAULT_INPUTS if p.exists()])
    parser.add_argument("--repeat", type=int, default=20, help="how many times the corpus is read (default 20)")
    args = parser.parse_args()

    extractor = Extractor(Settings().models)
    docs = [d for d in ingest(args.paths) if isinstance(d, Document) and d.lang == "en"] * args.repeat
    paragraphs = [p for d in docs for p in d.text.split("\n") if p]
    words = sum(len(p.split()) for p in paragraphs)
    nlp = extractor.pipeline("en")
    for _ in nlp.pipe(paragraphs[:20]):  # warm up both sides
        pass

    start = time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=extractor.batch_size):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    resolver = Resolver()
    statements = sum(len(resolver.resolve(x).statements) for x in extractor.extract_all(docs))
    kg_time = time.perf_counter() - start

    print(f"texts: {len(docs)} documents, {len(paragraphs)} paragraphs, {words:,} words")
    print(f"spaCy nlp.pipe ({extractor.models['en']}): {words / bare:,.0f} words/s")
    print(f"kg extract + resolve: {words / kg_time:,.0f} words/s ({statements:,} statements)")
    print(f"ratio kg / spaCy: {bare / kg_time:.2f}")


if __name__ == "__main__":
    main()
