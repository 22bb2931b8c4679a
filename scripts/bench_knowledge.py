"""Start-up and matching time of rasd's knowledge base on the seed page (read at run time).

    .venv/bin/python scripts/bench_knowledge.py [--shared ../shared]

Prints the load time (compile from the data files, and from the user cache), the time per
285-word article of actor matching alone, of the gazetteer alone, and of
``Knowledge.find_mentions`` (both, merged), each the best of several repeats, and the CPU time
of ``find_mentions`` per ANT article (``--ant N`` articles, default 400): the first pass, where
most word types are new, and the best of three later passes.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

LOAD = ("import time; t = time.perf_counter(); import rasd.knowledge as K; t1 = time.perf_counter(); "
        "K.Knowledge.load(); print(f'{t1 - t:.3f} {time.perf_counter() - t1:.3f}')")


def load_time(no_cache: bool) -> tuple[float, float]:
    env = dict(os.environ, **({"RASD_NO_CACHE": "1"} if no_cache else {}))
    out = subprocess.run([sys.executable, "-c", LOAD], env=env, capture_output=True, text=True, check=True)
    imp, load = out.stdout.split()
    return float(imp), float(load)


def best_ms(fn, reps: int = 7, inner: int = 50) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t) / inner * 1000)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--ant", type=int, default=400, help="ANT articles to time (0: skip)")
    args = ap.parse_args()
    from rasd.knowledge import Knowledge, OffsetMap
    from rasd.sentences import split_sentences
    from rasd.tokenize import tokenize

    load_time(no_cache=False)  # make sure a cache exists
    for label, no_cache in (("compiled from data", True), ("from cache", False)):
        imp, load = load_time(no_cache)
        print(f"start-up ({label}): Knowledge.load {load:.3f} s (+ importing rasd {imp:.3f} s)")
    kb = Knowledge.load()
    text = (Path(args.shared) / "seeds" / "000_42e6831a5255b3c5.txt").read_text(encoding="utf-8")
    words = len(text.split())
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    rows = [("actor matching", lambda: kb._select(OffsetMap(text).norm))]
    if kb.places is not None:
        rows.append(("gazetteer", lambda: kb.places.find(text, sentences, tokens)))
    rows.append(("find_mentions (actors + places, merged)", lambda: kb.find_mentions(text, sentences, tokens)))
    for label, fn in rows:
        ms = best_ms(fn)
        print(f"{label}: {ms:.3f} ms per page of {words} words = {ms * 285 / words:.3f} ms per 285 words")
    if args.ant:
        ant_times(Path(args.shared) / "data" / "ant_corpus_v2_1_middleeast", args.ant)


def ant_times(folder: Path, limit: int) -> None:
    """CPU time of find_mentions per ANT article: a first pass (new word types) and later ones."""
    import json

    from rasd.knowledge import Knowledge
    from rasd.sentences import split_sentences
    from rasd.tokenize import tokenize

    docs = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                if text:
                    docs.append(text)
                if len(docs) >= limit:
                    break
        if len(docs) >= limit:
            break
    prepared = []
    for text in docs:
        sentences = split_sentences(text)
        prepared.append((text, sentences, tokenize(text, sentences)))
    kb = Knowledge.load()
    passes = []
    for _ in range(4):
        start = time.process_time()
        for text, sentences, tokens in prepared:
            kb.find_mentions(text, sentences, tokens)
        passes.append((time.process_time() - start) / len(prepared) * 1000)
    print(f"find_mentions on {len(prepared)} ANT articles: first pass {passes[0]:.3f} ms/article, "
          f"later passes {min(passes[1:]):.3f} ms/article (CPU time)")


if __name__ == "__main__":
    main()
