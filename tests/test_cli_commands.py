"""The core commands: analyse, run, export, bench; one-line errors and exit codes."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

import rasd.commands as commands
from rasd.cli import main
from rasd.store import Store

RASD = [sys.executable, "-c", "from rasd.cli import entry; entry()"]


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def corpus(tmp_path, fixtures_dir):
    """A folder of good and bad inputs."""
    folder = tmp_path / "in"
    shutil.copytree(fixtures_dir, folder, ignore=shutil.ignore_patterns("*.py"))
    return folder


def _tables(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "mentions", "events", "errors")}
    finally:
        con.close()


def _summary(output: str) -> str:
    return [ln for ln in output.splitlines() if "documents read" in ln][-1]


def test_analyse_prints_one_object_per_document(runner, fixtures_dir):
    result = runner.invoke(main, ["analyse", str(fixtures_dir / "records.jsonl")])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["document"]["id"] for o in objects] == ["rec-1", "rec-2", "rec-3"]
    assert set(objects[0]) >= {"document", "mentions", "events"}
    assert "bad_json" in result.stderr  # the broken line is reported, the rest analysed


def test_analyse_stdin_and_formats(runner, seed_path):
    page = seed_path.read_text(encoding="utf-8")
    result = runner.invoke(main, ["analyse", "-", "--format", "pretty"], input=page)
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["document"]["outlet"] == "إرم نيوز"
    assert obj["document"]["headings"] == ["اجتماعٌ سري", "جيش إسلامي"]
    for mention in obj["mentions"]:
        assert obj["document"]["text"][mention["start"]:mention["end"]] == mention["text"]
    result = runner.invoke(main, ["analyse", "-", "--format", "json"], input=page)
    assert isinstance(json.loads(result.stdout), list)


def test_analyse_of_only_bad_input_fails(runner, fixtures_dir):
    result = runner.invoke(main, ["analyse", str(fixtures_dir / "binary.txt")])
    assert result.exit_code == 1
    assert "binary" in result.stderr and result.stdout == ""


def test_run_records_bad_input_and_goes_on(runner, corpus, tmp_path):
    db = tmp_path / "r.duckdb"
    result = runner.invoke(main, ["run", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    summary = _summary(result.stdout)
    con = duckdb.connect(str(db), read_only=True)
    errors = dict(con.execute("SELECT path, reason FROM errors").fetchall())
    documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    for name, reason in [("binary.txt", "binary"), ("empty.txt", "empty"),
                         ("unknown_encoding.txt", "unknown_encoding"), ("no_article.html", "no_article"),
                         ("records.jsonl:3", "bad_json")]:
        assert errors[str(corpus / name)] == reason
    m = re.match(r"rasd: (\d+) documents read, (\d+) stored \((\d+) duplicates\), (\d+) failed", summary)
    read, stored, duplicates, failed = map(int, m.groups())
    assert failed == len(errors) and stored == documents and read == stored + duplicates + failed
    # the same article in three encodings, as HTML and in a WARC, in a feed and a record: stored once
    assert duplicates == 5


def test_run_strict_exits_non_zero(runner, corpus, tmp_path):
    result = runner.invoke(main, ["run", str(corpus), "--db", str(tmp_path / "r.duckdb"), "--strict"])
    assert result.exit_code == 1
    assert "failed" in _summary(result.stdout)


def test_run_twice_changes_nothing(runner, corpus, tmp_path):
    db = tmp_path / "r.duckdb"
    first = runner.invoke(main, ["run", str(corpus), "--db", str(db)])
    counts = _tables(db)
    second = runner.invoke(main, ["run", str(corpus), "--db", str(db)])
    assert second.exit_code == 0
    assert _tables(db) == counts
    assert "unchanged" in _summary(second.stdout)
    assert _summary(first.stdout).split(" (")[0].split(",")[0] == _summary(second.stdout).split(",")[0]


def test_interrupted_run_resumes_without_loss_or_duplicates(runner, corpus, tmp_path, monkeypatch):
    clean = tmp_path / "clean.duckdb"
    runner.invoke(main, ["run", str(corpus), "--db", str(clean)])
    db = tmp_path / "r.duckdb"
    monkeypatch.setattr(commands, "BATCH", 3)
    real_write = Store.write
    calls = []

    def write_then_stop(self, analyses, run_id=""):
        calls.append(len(analyses))
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl+C while the second batch is being stored
        real_write(self, analyses, run_id)

    monkeypatch.setattr(Store, "write", write_then_stop)
    result = runner.invoke(main, ["run", str(corpus), "--db", str(db)])
    assert result.exit_code == 130 and "interrupted" in result.stderr
    partial = _tables(db)
    assert 0 < partial["documents"] < _tables(clean)["documents"]
    monkeypatch.setattr(Store, "write", real_write)
    result = runner.invoke(main, ["run", str(corpus), "--db", str(db)])
    assert result.exit_code == 0
    assert _tables(db) == _tables(clean)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT list(status ORDER BY started_at) FROM runs").fetchone()[0] == ["interrupted", "done"]
    con.close()


def test_demo_corpus_runs_clean(runner, demo_dir, tmp_path):
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(main, ["run", str(demo_dir), "--db", str(db), "--strict"])
    assert result.exit_code == 0, result.output
    summary = _summary(result.stdout)
    assert " 0 failed" in summary and "duplicates" in summary  # 001 is a page, an HTML page and a WARC record
    con = duckdb.connect(str(db), read_only=True)
    titles = [r[0] for r in con.execute("SELECT title FROM documents").fetchall()]
    con.close()
    assert len(titles) == len(set(titles)) >= 37


@pytest.mark.parametrize("fmt, name", [("jsonl", "e.jsonl"), ("csv", "e.csv"), ("parquet", "e.parquet"),
                                       ("plover", "e.plover.jsonl"), ("acled", "e.acled.csv")])
def test_export(runner, seed_path, tmp_path, fmt, name):
    db = tmp_path / "r.duckdb"
    runner.invoke(main, ["run", str(seed_path), "--db", str(db)])
    out = tmp_path / name
    result = runner.invoke(main, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and f"as {fmt}" in result.stderr


def test_bench_json(runner, fixtures_dir):
    result = runner.invoke(main, ["bench", str(fixtures_dir), "--json", "--limit", "5"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 5
    for key in ("articles_per_s", "words_per_s", "peak_rss_mb", "ingest_text_articles_per_s"):
        assert figures[key] > 0


def test_bench_api_delegates(runner, monkeypatch):
    import rasd.api.bench as api_bench

    seen = []
    monkeypatch.setattr(api_bench, "bench_api", lambda n, as_json: seen.append((n, as_json)))
    result = runner.invoke(main, ["bench", "--api", "--events", "1000", "--json"])
    assert result.exit_code == 0 and seen == [(1000, True)]


@pytest.mark.parametrize("args, message", [
    (["bench"], "give a corpus"),
    (["bench", "/no/such/corpus"], "no such file"),
    (["export", "--db", "/no/such.duckdb", "--out", "x.csv"], "no rasd database"),
])
def test_errors_are_one_line_and_non_zero(tmp_path, args, message):
    proc = subprocess.run(RASD + args, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rasd: ") and message in lines[0]


def test_progress_bar_passes_every_item_through():
    assert list(commands._progress(iter(range(5)), show=True)) == [0, 1, 2, 3, 4]


def test_bench_repeat_reports_the_median_of_fresh_runs(runner, fixtures_dir):
    result = runner.invoke(main, ["bench", str(fixtures_dir), "--json", "--limit", "3", "--repeat", "3"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    runs = figures["runs_articles_per_s"]
    assert len(runs) == 3 and all(r > 0 for r in runs)
    assert figures["articles"] == 3
    assert figures["articles_per_s"] == pytest.approx(sorted(runs)[1], rel=1e-3)


def test_bench_repeat_names_a_failed_run(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = subprocess.run(RASD + ["bench", str(empty), "--repeat", "2"], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "a benchmark run failed" in lines[0] and "nothing to benchmark" in lines[0]
