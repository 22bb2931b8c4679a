"""The `rasd` command line. Each command is a few lines that call the library."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import RasdError


def _fail(message: str) -> None:
    click.echo(f"rasd: {message}", err=True)
    sys.exit(2)


@click.group()
@click.version_option(package_name="rasd")
def main() -> None:
    """rasd (رصد): Arabic news to event data."""


# ---- core (ingest, analyse, store, export, bench) -- rasd.ingest / rasd.store / rasd.bench

@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "pretty"]), default="jsonl")
@click.option("--knowledge", "knowledge_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra knowledge folder (repeatable); entries there extend or override the bundled ones.")
def analyse(paths, fmt, knowledge_dirs):
    """Analyse files (or - for standard input) and print one JSON object per document."""
    from .commands import analyse_command
    analyse_command(paths, fmt, knowledge_dirs)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="rasd.duckdb", show_default=True)
@click.option("--strict", is_flag=True, help="Exit non-zero when any document fails.")
@click.option("--knowledge", "knowledge_dirs", multiple=True, type=click.Path(exists=True, file_okay=False))
def run(paths, db, strict, knowledge_dirs):
    """Ingest, analyse and store documents in DuckDB."""
    from .commands import run_command
    run_command(paths, db, strict, knowledge_dirs)


@main.command()
@click.option("--db", default="rasd.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover", "acled"]), default="jsonl")
@click.option("--out", required=True, help="Output file (- for standard output, not for parquet).")
def export(db, fmt, out):
    """Export stored events."""
    from .commands import export_command
    export_command(db, fmt, out)


@main.command()
@click.argument("path", required=False)
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=int, default=None, help="Read at most this many articles.")
@click.option("--api", "api", is_flag=True, help="Benchmark GET /api/events on a synthetic database instead.")
@click.option("--events", "n_events", type=int, default=1_000_000, help="Synthetic events for --api.")
@click.option("--repeat", type=click.IntRange(min=1), default=1,
              help="Run the benchmark this many times, each in a fresh process, and report the median run.")
def bench(path, as_json, limit, api, n_events, repeat):
    """Measure articles/s, words/s and peak memory of the whole pipeline."""
    from .commands import bench_command
    bench_command(path, as_json, limit, api, n_events, repeat)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True, help="Output folder: documents/, mentions/, events/, errors/ as Parquet.")
@click.option("--master", default=None, help="Spark master, e.g. local[4] (default: what spark-submit gives, else local[*]).")
@click.option("--partitions", type=int, default=None, help="Partitions to analyse in (default: 2 per core).")
@click.option("--knowledge", "knowledge_dirs", multiple=True, type=click.Path(exists=True, file_okay=False))
def spark(paths, out, master, partitions, knowledge_dirs):
    """Analyse JSONL, WARC, HTML, page or Parquet inputs on Spark and write Parquet."""
    from .config import knowledge_dirs as configured_dirs
    from .spark import run_spark

    if master is None and "SPARK_HOME" not in os.environ and "PYSPARK_SUBMIT_ARGS" not in os.environ:
        master = "local[*]"
    summary = run_spark(paths, out, master=master, knowledge_dirs=configured_dirs(knowledge_dirs),
                        partitions=partitions)
    click.echo(summary.line())


# ---- evaluation -------------------------------------------------------------------------

@main.group("eval")
def eval_group() -> None:
    """Score rasd against gold data."""


@eval_group.command("ner")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
def eval_ner(gold, as_json):
    """Exact-span micro P/R/F1 and per class, as seqeval computes them."""
    from .ner.evaluate import evaluate_conll, format_report
    result = evaluate_conll(Path(gold))
    click.echo(json.dumps(result, ensure_ascii=False) if as_json else format_report(result))


@eval_group.command("events")
@click.option("--gold", required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True)
@click.option("--verbose", "-v", is_flag=True, help="List misses, false positives and wrong statuses per document.")
def eval_events(gold, as_json, verbose):
    """Event precision/recall/F1 and status, actor, location accuracy (gold/FORMAT.md)."""
    from .evaluate import evaluate_gold, format_report
    result = evaluate_gold(Path(gold), verbose=verbose)
    click.echo(json.dumps(result, ensure_ascii=False) if as_json else format_report(result))


@eval_group.command("knowledge")
@click.option("--gold", default=None, type=click.Path(exists=True),
              help="Sentence test set (default: the bundled one).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--verbose", "-v", is_flag=True, help="List every missed and spurious mention.")
def eval_knowledge(gold, as_json, verbose):
    """Precision/recall of actor ids and place coordinates on the knowledge test set."""
    from .knowledge.evaluate import evaluate_sentences, format_report
    result = evaluate_sentences(Path(gold) if gold else None)
    click.echo(json.dumps(result, ensure_ascii=False) if as_json else format_report(result, verbose))


# ---- models -----------------------------------------------------------------------------

@main.group("train")
def train_group() -> None:
    """Train the statistical models from ../shared data."""


@train_group.command("ner")
@click.option("--shared", default="../shared", show_default=True, type=click.Path(exists=True, file_okay=False))
@click.option("--out", default=None, help="Model file (default: the package's model path).")
def train_ner(shared, out):
    """Train the CRF tagger on ANERcorp's training region."""
    from .ner.train import train
    train(Path(shared), Path(out) if out else None)


# ---- serving ----------------------------------------------------------------------------

@main.command()
@click.option("--db", default="rasd.duckdb", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db, host, port):
    """Serve the HTTP API and the web UI over a rasd database."""
    from .api import serve as serve_app
    serve_app(db, host, port)


def entry() -> None:  # the console script: clean one-line errors
    try:
        main(standalone_mode=True)
    except RasdError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        click.echo("rasd: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    entry()
