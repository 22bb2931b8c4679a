"""`rasd bench`: how fast rasd reads and analyses a corpus on one core, and how much memory it takes.

The documents are read first (ingest, timed on its own), then the text layer alone
(sentences and tokens) and then the whole ``analyse`` are timed over the same documents, with
the CPU time of each stage (text, knowledge, NER, events) inside it.
Loading the knowledge and models is timed apart: it happens once per process. Times are CPU
seconds of the process (rasd analyses on one core), so a busy machine does not skew them.
"""
from __future__ import annotations

import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Iterable

from .errors import ReadError
from .model import Document


@dataclass(slots=True)
class BenchResult:
    articles: int
    words: int
    read_errors: int
    ingest_s: float
    text_layer_s: float
    load_s: float
    analyse_s: float
    articles_per_s: float  # whole analyse, knowledge loaded
    words_per_s: float
    ingest_articles_per_s: float
    ingest_text_articles_per_s: float  # ingest + sentences + tokens
    peak_rss_mb: float
    events: int
    mentions: int
    # CPU ms per article of each stage inside the whole analysis (rasd.pipeline.STAGES); the
    # text layer here runs with the per-word cache that a long run keeps warm
    stages_ms: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()}

    def report(self) -> str:
        return "\n".join([
            f"articles           {self.articles:>10}   ({self.words} words, {self.read_errors} unreadable)",
            f"ingest             {self.ingest_articles_per_s:>10.0f} articles/s",
            f"ingest + text      {self.ingest_text_articles_per_s:>10.0f} articles/s   (sentences, tokens, clitics)",
            f"analyse            {self.articles_per_s:>10.0f} articles/s   {self.words_per_s:,.0f} words/s",
            f"  per stage        {self._stages_line()}",
            f"knowledge load     {self.load_s:>10.2f} s",
            f"peak memory        {self.peak_rss_mb:>10.0f} MB",
            f"found              {self.mentions} mentions, {self.events} events",
        ])


    def _stages_line(self) -> str:
        parts = [f"{name} {ms:.2f}" for name, ms in self.stages_ms.items()]
        return " · ".join(parts) + "   ms/article (CPU)" if parts else "-"


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def _clock() -> float:
    """CPU seconds of this process: one core's throughput, whatever else the machine is running."""
    return time.process_time()


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def run_bench(paths: Iterable[str], limit: int | None = None, pipeline=None) -> BenchResult:
    """Time ingest, the text layer and the whole analysis over the documents under ``paths``."""
    from .collector import pace_collector
    from .ingest import read_paths, warm_up
    from .pipeline import STAGES, default_pipeline
    from .sentences import split_sentences
    from .tokenize import clear_cache, tokenize

    warm_up()
    t0 = _clock()
    docs: list[Document] = []
    errors = 0
    for item in read_paths(paths):
        if isinstance(item, ReadError):
            errors += 1
            continue
        docs.append(item)
        if limit is not None and len(docs) >= limit:
            break
    ingest_s = _clock() - t0

    clear_cache()  # the text layer is timed from a cold cache
    # The benchmark holds every document in memory, which a streaming run never does; keep the
    # collector from rescanning them (and the loaded knowledge) on every collection.
    gc.collect()
    gc.freeze()
    t0 = _clock()
    for d in docs:
        tokenize(d.text, split_sentences(d.text))
    text_s = _clock() - t0

    t0 = _clock()
    pipe = pipeline or default_pipeline()
    for d in islice(docs, 1):  # first call: lazy set-up inside the stages
        pipe(d)
    load_s = _clock() - t0
    gc.freeze()

    events = mentions = 0
    spent = dict.fromkeys(STAGES, 0.0)
    t0 = _clock()
    for d in pace_collector(docs):
        a = pipe.timed(d, spent)  # the same analysis; reading the clock per stage costs ~µs
        events += len(a.events)
        mentions += len(a.mentions)
    analyse_s = _clock() - t0

    words = sum(len(d.text.split()) for d in docs)
    n = len(docs)
    return BenchResult(
        articles=n, words=words, read_errors=errors, ingest_s=ingest_s, text_layer_s=text_s,
        load_s=load_s, analyse_s=analyse_s, articles_per_s=_rate(n, analyse_s),
        words_per_s=_rate(words, analyse_s), ingest_articles_per_s=_rate(n, ingest_s),
        ingest_text_articles_per_s=_rate(n, ingest_s + text_s), peak_rss_mb=_peak_rss_mb(),
        events=events, mentions=mentions,
        stages_ms={name: round(seconds / n * 1000, 3) if n else 0.0 for name, seconds in spent.items()})


def repeat_bench(path: str, runs: int, limit: int | None = None) -> tuple[BenchResult, list[float]]:
    """``run_bench`` in ``runs`` fresh processes, one after the other: each starts as cold as a
    real run (no word type seen, nothing compiled in memory). Returns the median run (by
    articles/s, the lower of the two middle ones for an even count) and every run's articles/s.
    A shared machine's speed drifts from minute to minute; the median of a few runs drifts less."""
    results: list[BenchResult] = []
    for _ in range(runs):
        command = [sys.executable, "-m", "rasd", "bench", path, "--json"]
        if limit is not None:
            command += ["--limit", str(limit)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results.append(BenchResult(**json.loads(done.stdout)))
    rates = [r.articles_per_s for r in results]
    median = statistics.median_low(rates)
    return next(r for r in results if r.articles_per_s == median), rates


__all__ = ["run_bench", "repeat_bench", "BenchResult"]
