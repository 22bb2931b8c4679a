"""Compare the speed of two rasd source trees fairly on a machine whose speed drifts.

    python scripts/compare_speed.py --base /tmp/old/src [--corpus PATH] [--chunk 100]

Two long-lived processes, one importing rasd from this checkout's ``src`` and one from
``--base`` (e.g. ``git archive v1 src | tar -x -C /tmp/old``, with the trained NER model files
copied into its ``rasd/data/models``), read the same corpus, warm up as `rasd bench` does, and
then analyse it in alternating chunks, the order flipping every chunk. A drift of the machine's
speed (other work on its host) then hits both alike, which separate `rasd bench` runs do not
guarantee. Prints articles/s and CPU ms per article of each stage for both trees.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def worker(corpus: str) -> None:
    """Load rasd (from PYTHONPATH), then analyse the [a, b) ranges of documents read from stdin."""
    import gc
    import time

    from rasd.collector import pace_collector
    from rasd.errors import ReadError
    from rasd.ingest import read_paths
    from rasd.pipeline import default_pipeline
    from rasd.sentences import split_sentences
    from rasd.tokenize import tokenize

    docs = [d for d in read_paths([corpus]) if not isinstance(d, ReadError)]
    for d in docs:  # as `rasd bench`: the text layer first, then the whole pipeline
        tokenize(d.text, split_sentences(d.text))
    pipe = default_pipeline()
    pipe(docs[0])
    gc.collect()
    gc.freeze()
    print(len(docs), flush=True)
    for line in sys.stdin:
        a, b = map(int, line.split())
        spent: dict[str, float] = {}
        t0 = time.process_time()
        for d in pace_collector(docs[a:b], every=max(1, b - a)):  # the collector paced as in a run
            pipe.timed(d, spent)
        spent["total"] = time.process_time() - t0
        print(json.dumps(spent), flush=True)


def compare(base: str, corpus: str, chunk: int) -> None:
    sides = {"this": str(HERE / "src"), "base": base}
    procs = {}
    for name, src in sides.items():
        env = dict(os.environ, PYTHONPATH=src)
        procs[name] = subprocess.Popen([sys.executable, __file__, "--worker", "--corpus", corpus],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    counts = {name: int(p.stdout.readline()) for name, p in procs.items()}
    if len(set(counts.values())) != 1:
        sys.exit(f"the two trees read different numbers of documents: {counts}")
    n = counts["this"]
    totals: dict[str, dict[str, float]] = {name: {} for name in procs}
    for i, a in enumerate(range(0, n, chunk)):
        for name in (("this", "base") if i % 2 == 0 else ("base", "this")):
            procs[name].stdin.write(f"{a} {min(n, a + chunk)}\n")
            procs[name].stdin.flush()
            for stage, seconds in json.loads(procs[name].stdout.readline()).items():
                totals[name][stage] = totals[name].get(stage, 0.0) + seconds
    for name, spent in totals.items():
        procs[name].stdin.close()
        stages = " · ".join(f"{stage} {seconds / n * 1000:.3f}" for stage, seconds in spent.items()
                            if stage != "total")
        print(f"{name:5} {sides[name]}: {n / spent['total']:.0f} articles/s   {stages}   ms/article (CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="the other tree's src folder")
    parser.add_argument("--corpus", default=str(HERE / ".." / "shared" / "data" / "ant_corpus_v2_1_middleeast"))
    parser.add_argument("--chunk", type=int, default=100, help="articles per turn")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.corpus)
    elif not args.base:
        parser.error("--base is required")
    else:
        compare(args.base, args.corpus, args.chunk)


if __name__ == "__main__":
    main()
