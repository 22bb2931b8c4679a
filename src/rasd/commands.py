"""The bodies of the core `rasd` commands (analyse, run, export, bench); cli.py parses options."""
from __future__ import annotations

import json
import subprocess
import sys
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import click

from .errors import RasdError, ReadError
from .model import Analysis, Document

BATCH = 200  # documents per database transaction
_SHOWN_ERRORS = 20


def _say(message: str) -> None:
    click.echo(f"rasd: {message}", err=True)


def _error_line(err: ReadError) -> str:
    return f"skipped {err.path}: {err.reason}" + (f" ({err.detail})" if err.detail else "")


def _pipeline(knowledge_dirs: Iterable[str]):
    """The shared pipeline; its knowledge lives as long as the process, so the collector may skip it."""
    import gc

    from .config import knowledge_dirs as configured_dirs
    from .pipeline import default_pipeline

    pipeline = default_pipeline(configured_dirs(knowledge_dirs))
    gc.freeze()
    return pipeline


def _analyse_safely(pipeline, doc: Document) -> Analysis | ReadError:
    """The analysis, or a ReadError naming the document when a stage fails on it."""
    try:
        return pipeline(doc)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # one bad document must not stop a run of thousands
        return ReadError(doc.source or doc.id, "analysis_failed",
                         f"{type(exc).__name__}: {exc}; please report it with this document")


# ---- analyse --------------------------------------------------------------------------------

def analyse_command(paths: Iterable[str], fmt: str, knowledge_dirs: Iterable[str] = ()) -> None:
    """Print one JSON object per document read from ``paths`` (or "-")."""
    from .collector import pace_collector
    from .ingest import read_paths

    pipeline = _pipeline(knowledge_dirs)
    out = sys.stdout
    ok = failed = 0
    results: list[dict] = []
    for item in pace_collector(read_paths(paths)):
        if isinstance(item, Document):
            item = _analyse_safely(pipeline, item)
        if isinstance(item, ReadError):
            failed += 1
            _say(_error_line(item))
            continue
        ok += 1
        obj = item.as_dict()
        if fmt == "json":
            results.append(obj)
        elif fmt == "pretty":
            out.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    if fmt == "json":
        out.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    if failed and not ok:
        sys.exit(1)


# ---- run ------------------------------------------------------------------------------------

def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while True:
        chunk = list(islice(items, size))
        if not chunk:
            return
        yield chunk


def _progress(items: Iterator, show: bool):
    """Items with a progress bar on a terminal (standard error), as they are."""
    if not show:
        yield from items
        return
    with click.progressbar(items, label="rasd: analysing", show_pos=True, file=sys.stderr,
                           item_show_func=lambda x: None) as bar:
        yield from bar


def run_command(paths: Iterable[str], db: str, strict: bool = False,
                knowledge_dirs: Iterable[str] = ()) -> None:
    """Ingest, analyse and store; end with the one-line summary."""
    from .collector import pace_collector
    from .ingest import read_paths
    from .store import RunCounts, Store, text_hash

    paths = list(paths)
    pipeline = _pipeline(knowledge_dirs)
    counts = RunCounts()
    shown: list[str] = []
    seen: dict[str, str] = {}  # text hash → document id, for this run
    seen_ids: set[str] = set()
    with Store(db) as store:
        run_id = store.begin_run(paths, pipeline.version)
        store.sign_missing()  # documents stored by an older rasd: later copies of them are found too
        status = "done"
        try:
            items = _progress(pace_collector(read_paths(paths)), sys.stderr.isatty())
            for chunk in _chunks(items, BATCH):
                docs = [d for d in chunk if isinstance(d, Document)]
                hashes = {d.id: text_hash(d.text) for d in docs}
                known = store.stored_hashes([d.id for d in docs])
                stored_texts = store.stored_texts(list(hashes.values()))
                analyses: list[Analysis] = []
                for item in chunk:
                    counts.read += 1
                    if isinstance(item, Document):
                        h = hashes[item.id]
                        first_id = seen.get(h) or stored_texts.get(h, item.id)
                        if first_id != item.id or item.id in seen_ids:
                            counts.duplicates += 1  # the same article from another file or format
                            continue
                        seen[h] = item.id
                        seen_ids.add(item.id)
                        if store.is_current(item, pipeline.version, known):
                            counts.unchanged += 1
                            counts.stored += 1
                            counts.events += known[item.id][2]
                            counts.near_duplicates += known[item.id][3] is not None
                            continue
                        item = _analyse_safely(pipeline, item)
                    if isinstance(item, ReadError):
                        counts.failed += 1
                        store.write_error(item, run_id)
                        if len(shown) < _SHOWN_ERRORS:
                            shown.append(_error_line(item))
                        continue
                    analyses.append(item)
                counts.near_duplicates += store.write(analyses, run_id) or 0
                counts.stored += len(analyses)
                counts.events += sum(len(a.events) for a in analyses)
        except KeyboardInterrupt:
            status = "interrupted"
            store.finish_run(run_id, counts, status)
            _say(f"interrupted: {counts.summary()}; run the same command again to finish")
            sys.exit(130)
        store.finish_run(run_id, counts, status)
    for line in shown:
        _say(line)
    if counts.failed > len(shown):
        _say(f"... and {counts.failed - len(shown)} more; see the errors table of {db}")
    click.echo(f"rasd: {counts.summary()} → {db}")
    if strict and counts.failed:
        sys.exit(1)


# ---- export ---------------------------------------------------------------------------------

def export_command(db: str, fmt: str, out: str) -> None:
    """Write the stored events in one format to a file (or standard output)."""
    from .export import export
    from .store import open_existing

    with open_existing(db) as store:
        n = export(store, fmt, out)
    if out != "-":
        _say(f"exported {n} events as {fmt} to {out}")


# ---- bench ----------------------------------------------------------------------------------

def bench_command(path: str | None, as_json: bool, limit: int | None, api: bool = False,
                  n_events: int = 1_000_000, repeat: int = 1) -> None:
    """Benchmark the pipeline over a corpus, or the HTTP API with --api."""
    if api:
        from .api.bench import bench_api

        bench_api(n_events, as_json)
        return
    if not path:
        raise RasdError("give a corpus to benchmark: rasd bench PATH (or rasd bench --api)")
    if not Path(path).exists():
        raise RasdError(f"no such file or folder: {path}")
    if repeat > 1:
        _repeated_bench(path, as_json, limit, repeat)
        return
    from .bench import run_bench

    result = run_bench([path], limit)
    if result.articles == 0:
        raise RasdError(f"no readable article under {path}; nothing to benchmark")
    click.echo(json.dumps(result.as_dict()) if as_json else result.report())


def _repeated_bench(path: str, as_json: bool, limit: int | None, repeat: int) -> None:
    """The median of ``repeat`` fresh runs, with every run's articles/s."""
    from .bench import repeat_bench

    try:
        result, rates = repeat_bench(path, repeat, limit)
    except subprocess.CalledProcessError as e:
        lines = (e.stderr or "").strip().splitlines()
        raise RasdError(f"a benchmark run failed: {lines[-1] if lines else f'exit status {e.returncode}'}") from None
    if as_json:
        click.echo(json.dumps({**result.as_dict(), "runs_articles_per_s": [round(r, 3) for r in rates]}))
    else:
        runs = " · ".join(f"{r:.0f}" for r in rates)
        click.echo(f"{result.report()}\nruns               {runs} articles/s (the median run is shown)")


__all__ = ["analyse_command", "run_command", "export_command", "bench_command"]
