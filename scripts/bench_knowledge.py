"""Start-up and matching time of rasd's knowledge base on the seed page (read at run time).

    .venv/bin/python scripts/bench_knowledge.py [--shared ../shared]

Prints the load time (compile from the data files, and from the user cache), and the time
per 285-word article of actor matching alone, of the gazetteer alone, and of
``Knowledge.find_mentions`` (both, merged), each the best of several repeats.
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


if __name__ == "__main__":
    main()
