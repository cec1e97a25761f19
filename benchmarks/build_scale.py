"""Time and peak memory of `kg build` on many generated articles, with one worker and with several.

    .venv/bin/python benchmarks/build_scale.py [--articles 10000] [--compare 400] [--jobs 2]

Articles are made of random news sentences from CoNLL04 (../shared/data/conll04, read at run time,
nothing copied into the project), a dozen to an article. First `--compare` articles are built with
`--jobs 1` and with `--jobs N` and the speed-up is printed; then `--articles` are built with `--jobs N`
and the peak resident memory of kg and its workers together is printed (sampled from /proc, shared
pages counted once).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONLL = ROOT.parent / "shared" / "data" / "conll04"
KG = [str(Path(sys.executable).with_name("kg"))]


def sentences() -> list[str]:
    out = []
    for name in ("conll04_train.json", "conll04_dev.json"):
        for item in json.loads((CONLL / name).read_text()):
            out.append(" ".join(item["tokens"]).replace(" ,", ",").replace(" .", ".").replace(" 's", "'s"))
    return out


def write_articles(path: Path, count: int, seed: int = 7) -> int:
    """A JSON Lines file of `count` articles; returns the number of words."""
    pool, rng, words = sentences(), random.Random(seed), 0
    with path.open("w") as fh:
        for i in range(count):
            body = rng.sample(pool, 12)
            words += sum(len(s.split()) for s in body)
            paragraphs = ["\n".join(body[j : j + 3]) for j in range(0, 12, 3)]
            fh.write(json.dumps({"id": f"a{i}", "title": f"Article {i}", "text": "\n".join(paragraphs)}) + "\n")
    return words


def store_or_build(store: Path | None, articles: int, folder: Path) -> Path:
    """`store` if given, else a store of `articles` generated articles built in `folder`."""
    if store is not None:
        return store
    built, source = folder / "store", folder / "articles.jsonl"
    write_articles(source, articles)
    print(f"building {articles} articles ...", file=sys.stderr)
    subprocess.run([*KG, "build", str(source), "--store", str(built), "-q"], check=True, stdout=subprocess.DEVNULL)
    return built


def start_server(store: Path, port: int, *options: object) -> subprocess.Popen:
    """`kg serve` on `store` at 127.0.0.1:`port` with `options`, once it answers a query."""
    server = subprocess.Popen(
        [*KG, "serve", "--store", str(store), "--port", str(port), *map(str, options)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ask = urllib.parse.urlencode({"query": "ASK {}"})
    for _ in range(600):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("POST", "/sparql", ask, {"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("kg serve did not start")


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, pages shared between them counted once
    (the sum of their proportional set sizes)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            rollup = Path(f"/proc/{entry}/smaps_rollup").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        pss = next((line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")), "0")
        rss[int(entry)] = int(pss) * 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def timed_build(articles: Path, store: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak resident bytes (kg plus workers) of one `kg build`."""
    start, peak = time.perf_counter(), 0
    proc = subprocess.Popen(
        [*KG, "build", str(articles), "--store", str(store), "--jobs", str(jobs), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode:
        sys.exit(f"kg build failed: {err.strip()}")
    print(f"  {out.strip()}")
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="articles for the memory run (0: skip)")
    parser.add_argument("--compare", type=int, default=400, help="articles for the jobs comparison (0: skip)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not CONLL.is_dir():
        sys.exit(f"{CONLL} is missing: this benchmark needs ../shared beside the project")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.compare:
            words = write_articles(tmp / "compare.jsonl", args.compare)
            one, _ = timed_build(tmp / "compare.jsonl", tmp / "s1", 1)
            many, _ = timed_build(tmp / "compare.jsonl", tmp / "s2", args.jobs)
            print(
                f"{args.compare} articles, {words:,} words: --jobs 1 {one:.1f} s ({words / one:,.0f} words/s), "
                f"--jobs {args.jobs} {many:.1f} s ({words / many:,.0f} words/s); speed-up {one / many:.2f}x"
            )
        if args.articles:
            words = write_articles(tmp / "big.jsonl", args.articles)
            elapsed, peak = timed_build(tmp / "big.jsonl", tmp / "big", args.jobs)
            print(
                f"{args.articles:,} articles, {words:,} words, --jobs {args.jobs}: {elapsed:.0f} s "
                f"({words / elapsed:,.0f} words/s), peak resident memory {peak / 2**20:,.0f} MiB "
                f"(kg and workers together; limit 2,048 MiB)"
            )


if __name__ == "__main__":
    main()
