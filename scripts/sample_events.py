"""Human judgement of rasd's events on a corpus without gold: draw a sample, score the filled
sheet, and describe what the pipeline finds in a corpus.

    python scripts/sample_events.py sample --db rasd.duckdb --n 100 --seed 7 --out sheet.csv
    python scripts/sample_events.py sample ../shared/data/ant_corpus_v2_1_middleeast --limit 500 --out sheet.md
    python scripts/sample_events.py score sheet.csv
    python scripts/sample_events.py redact sheet.csv --out eval/ant_sample/judged.csv
    python scripts/sample_events.py stats ../shared/data/ant_corpus_v2_1_middleeast [--json]
    python scripts/sample_events.py changes eval/ant_sample/seed2026_final.csv ../shared/data/ant_corpus_v2_1_middleeast

A sheet has one row per event (document, outlet, sentence, trigger, type, status, source,
target, place, time, with the character offsets of sentence and trigger) and empty columns
type_ok, status_ok, actors_ok, place_ok and note for the judge:
write 1/yes/✓ or 0/no/✗ (blank or "-" = not judged). `score` reports, per column, the share
judged right with a 95% Wilson interval, and the strict precision (all four right; a row whose
type is wrong counts as wrong even when its other columns are left "-"). `redact` keeps a judged
sheet's ids, character offsets, fields and judgements and drops every word of article text, so
that the judgements can be kept beside the project.
"""
from __future__ import annotations

import argparse
import collections
import csv
import itertools
import json
import math
import random
import statistics
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SHEET_COLUMNS = ("event_id", "doc_id", "outlet", "sentence_span", "trigger_span", "sentence", "trigger", "type",
                 "status", "source", "target", "place", "time")
# what a judged sheet keeps when it is stored beside the project: ids, offsets and judgements, no text
REDACTED_COLUMNS = ("event_id", "doc_id", "outlet", "sentence_span", "trigger_span", "type", "status",
                    "source_ids", "target_ids", "place_id")
JUDGED = ("type_ok", "status_ok", "actors_ok", "place_ok")
NOTE = "note"
YES = {"1", "y", "yes", "ok", "true", "✓", "✔", "نعم", "صح"}
NO = {"0", "n", "no", "false", "✗", "✘", "x", "لا", "خطأ"}


# ---- reading events -------------------------------------------------------------------------

def events_from_db(path: Path) -> Iterator[dict[str, Any]]:
    """Every event record stored in a rasd DuckDB file, in a stable order."""
    from rasd.store import open_existing

    store = open_existing(path)
    try:
        yield from store.iter_events()
    finally:
        store.close()


def analyses(paths: list[str], limit: int | None) -> Iterator[Any]:
    """Analyse the documents of a corpus (files or folders), at most ``limit`` of them."""
    from rasd.ingest import read_paths
    from rasd.model import Document
    from rasd.pipeline import analyse, default_pipeline

    pipeline = default_pipeline()
    documents = (d for d in read_paths(paths) if isinstance(d, Document))
    for document in itertools.islice(documents, limit):
        yield analyse(document, pipeline)


def events_from_corpus(paths: list[str], limit: int | None) -> Iterator[dict[str, Any]]:
    """Event records of a corpus, analysed now."""
    for analysis in analyses(paths, limit):
        for event in analysis.events:
            yield event.as_dict()


# ---- the sheet ---------------------------------------------------------------------------------

def _actors(refs: Iterable[dict[str, Any]]) -> str:
    return "; ".join(f"{a.get('id') or '?'} ({a.get('text') or a.get('name_ar') or ''})" for a in refs or [])


def sheet_row(record: dict[str, Any]) -> dict[str, str]:
    """One sheet row from an event record (the JSON shape of DESIGN.md)."""
    location = record.get("location") or {}
    time = record.get("time") or {}
    evidence = record.get("evidence") or {}
    row = {
        "event_id": record.get("event_id", ""), "doc_id": record.get("doc_id", ""),
        "outlet": record.get("outlet") or "",
        "sentence_span": _span(evidence.get("sentence_span")), "trigger_span": _span(evidence.get("trigger_span")),
        "sentence": evidence.get("sentence", ""),
        "trigger": evidence.get("trigger", ""), "type": record.get("type", ""),
        "status": record.get("status", ""), "source": _actors(record.get("source")),
        "target": _actors(record.get("target")),
        "place": f"{location.get('name_ar') or location.get('name') or ''} ({location.get('country') or '?'})"
                 if location else "",
        "time": f"{time.get('text') or ''} {time.get('date') or ''}".strip(),
    }
    row.update({c: "" for c in JUDGED})
    row[NOTE] = ""
    return row


def _span(span: Any) -> str:
    """"start:end" character offsets into the document's text."""
    if not span:
        return ""
    return f"{span[0]}:{span[1]}"


def _ids(cell: str) -> str:
    """Actor ids of a sheet cell "ID (text); ID (text)" without the text."""
    return "; ".join(part.split(" (", 1)[0].strip() for part in cell.split("; ") if part.strip())


def redact(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A judged sheet without any text of the articles: ids, offsets, fields and judgements."""
    out = []
    for r in rows:
        place = r.get("place", "")
        row = {c: r.get(c, "") for c in REDACTED_COLUMNS if not c.endswith("_ids") and c != "place_id"}
        row["source_ids"] = _ids(r.get("source", ""))
        row["target_ids"] = _ids(r.get("target", ""))
        row["place_id"] = place.rsplit("(", 1)[-1].rstrip(")") if place else ""
        row.update({c: r.get(c, "") for c in JUDGED})
        row[NOTE] = r.get(NOTE, "")
        out.append(row)
    return out


def draw(records: Iterable[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """A uniform random sample of n records (reservoir sampling: one pass, any corpus size)."""
    rng = random.Random(seed)
    sample: list[dict[str, Any]] = []
    for i, record in enumerate(records):
        if i < n:
            sample.append(record)
        else:
            j = rng.randint(0, i)
            if j < n:
                sample[j] = record
    rng.shuffle(sample)
    return sample


def write_sheet(rows: list[dict[str, str]], out: Path) -> None:
    """CSV (UTF-8 with BOM, for spreadsheets) or Markdown, by the file's extension."""
    columns = list(rows[0]) if rows else list(SHEET_COLUMNS) + list(JUDGED) + [NOTE]
    if out.suffix.lower() in (".md", ".markdown"):
        def cell(v: str) -> str:
            return str(v).replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(cell(r[c]) for c in columns) + " |" for r in rows]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def read_sheet(path: Path) -> list[dict[str, str]]:
    """The rows of a filled sheet (CSV or Markdown)."""
    if path.suffix.lower() in (".md", ".markdown"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
        if len(lines) < 2:
            return []

        def cells(line: str) -> list[str]:
            parts = line.strip().strip("|").replace("\\|", "\x00").split("|")
            return [p.replace("\x00", "|").strip() for p in parts]
        header = cells(lines[0])
        return [dict(zip(header, cells(line), strict=False)) for line in lines[2:]]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# ---- scoring a filled sheet ----------------------------------------------------------------------

def judgement(value: str | None) -> bool | None:
    """True / False / None (not judged) for a judge's cell."""
    v = (value or "").strip().lower()
    if v in YES:
        return True
    if v in NO:
        return False
    return None


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of k successes in n trials."""
    if n == 0:
        return 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def score_sheet(rows: list[dict[str, str]]) -> dict[str, Any]:
    """Per-column precision of a judged sheet, strict precision, and type precision per type."""
    result: dict[str, Any] = {"rows": len(rows), "columns": {}}
    for column in JUDGED:
        votes = [judgement(r.get(column)) for r in rows]
        yes, judged = sum(v is True for v in votes), sum(v is not None for v in votes)
        result["columns"][column] = {"right": yes, "judged": judged,
                                     "precision": round(yes / judged, 4) if judged else 0.0,
                                     "ci95": wilson(yes, judged)}
    # an event whose type is wrong is wrong, whether or not its other fields were judged
    complete = [r for r in rows if judgement(r.get("type_ok")) is False
                or all(judgement(r.get(c)) is not None for c in JUDGED)]
    strict = sum(all(judgement(r.get(c)) for c in JUDGED) for r in complete)
    result["strict"] = {"right": strict, "judged": len(complete),
                        "precision": round(strict / len(complete), 4) if complete else 0.0,
                        "ci95": wilson(strict, len(complete))}
    by_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        vote = judgement(r.get("type_ok"))
        if vote is not None:
            by_type[r.get("type", "")][0] += vote
            by_type[r.get("type", "")][1] += 1
    result["type_precision_by_type"] = {t: {"right": k, "judged": n, "precision": round(k / n, 4)}
                                        for t, (k, n) in sorted(by_type.items())}
    # the event counts as right when its type is right (the usual event-precision reading)
    result["precision"] = result["columns"]["type_ok"]["precision"]
    return result


def format_score(result: dict[str, Any]) -> str:
    """A filled sheet's score as Markdown."""
    lines = [f"rows: {result['rows']}", "", "| judged | right/judged | precision | 95% CI |",
             "| --- | ---: | ---: | --- |"]
    for column, c in list(result["columns"].items()) + [("all four (strict)", result["strict"])]:
        lines.append(f"| {column} | {c['right']}/{c['judged']} | {c['precision']:.3f} | "
                     f"{c['ci95'][0]:.2f}–{c['ci95'][1]:.2f} |")
    if result["type_precision_by_type"]:
        lines += ["", "| type | right/judged | type precision |", "| --- | ---: | ---: |"]
        for t, c in result["type_precision_by_type"].items():
            lines.append(f"| {t} | {c['right']}/{c['judged']} | {c['precision']:.2f} |")
    return "\n".join(lines)


# ---- corpus statistics ----------------------------------------------------------------------------

def corpus_stats(paths: list[str], limit: int | None) -> dict[str, Any]:
    """Events per article and the spread of types, statuses, modes and outlets over a corpus."""
    per_article: list[int] = []
    types, statuses, modes, outlets = (collections.Counter() for _ in range(4))
    with_casualties = dated = located = 0
    for analysis in analyses(paths, limit):
        per_article.append(len(analysis.events))
        outlets[analysis.document.outlet or "?"] += 1
        for event in analysis.events:
            types[event.type] += 1
            statuses[event.status] += 1
            modes[event.mode or "(none)"] += 1
            with_casualties += event.casualties.any()
            dated += event.time.date is not None
            located += event.location is not None
    n_events = sum(per_article)
    histogram = collections.Counter(min(k, 10) for k in per_article)
    return {
        "articles": len(per_article),
        "events": n_events,
        "events_per_article": {
            "mean": round(n_events / len(per_article), 3) if per_article else 0.0,
            "median": statistics.median(per_article) if per_article else 0,
            "max": max(per_article, default=0),
            "share_without_events": round(histogram.get(0, 0) / len(per_article), 4) if per_article else 0.0,
            "histogram": {("10+" if k == 10 else str(k)): v for k, v in sorted(histogram.items())},
        },
        "types": dict(types.most_common()),
        "statuses": dict(statuses.most_common()),
        "modes": dict(modes.most_common()),
        "outlets": dict(outlets.most_common()),
        "share_with_casualties": round(with_casualties / n_events, 4) if n_events else 0.0,
        "share_dated": round(dated / n_events, 4) if n_events else 0.0,
        "share_located": round(located / n_events, 4) if n_events else 0.0,
    }


def format_stats(stats: dict[str, Any]) -> str:
    """Corpus statistics as Markdown."""
    per = stats["events_per_article"]
    lines = [f"articles: {stats['articles']}, events: {stats['events']}, per article: mean {per['mean']}, "
             f"median {per['median']}, max {per['max']}, without events {per['share_without_events']:.1%}",
             f"events with casualties {stats['share_with_casualties']:.1%}, dated "
             f"{stats['share_dated']:.1%}, located {stats['share_located']:.1%}", "",
             "| events in an article | articles |", "| --- | ---: |"]
    lines += [f"| {k} | {v} |" for k, v in per["histogram"].items()]
    for title, key in (("type", "types"), ("status", "statuses"), ("mode", "modes")):
        total = sum(stats[key].values()) or 1
        lines += ["", f"| {title} | events | share |", "| --- | ---: | ---: |"]
        lines += [f"| {k} | {v} | {v / total:.1%} |" for k, v in stats[key].items()]
    return "\n".join(lines)


# ---- re-reading a judged sheet with the current code ----------------------------------------------

COMPARED = ("type", "status", "source_ids", "target_ids", "place_id")


def changes(rows: list[dict[str, str]], records_by_doc: dict[str, list[dict[str, Any]]]) -> list[dict[str, str]]:
    """For each judged row, what the current code gives at the same trigger (same document, same
    character span): "gone" when no event has that trigger any more, else the fields that differ.
    Only these rows need a new judgement to score the current code on the same sample."""
    out = []
    for i, r in enumerate(rows):
        now = None
        for rec in records_by_doc.get(r.get("doc_id", ""), ()):
            spans = [(rec.get("evidence") or {}).get("trigger_span")]
            spans += [m.get("trigger_span") for m in rec.get("more_evidence") or []]
            if r.get("trigger_span") in {_span(x) for x in spans if x}:
                now = redact([sheet_row(rec)])[0]
                break
        if now is None:
            out.append({"row": str(i), "event_id": r.get("event_id", ""), "change": "gone"})
            continue
        diff = [f"{c}: {r.get(c, '')} -> {now[c]}" for c in COMPARED if _cell(c, r.get(c)) != _cell(c, now[c])]
        if diff:
            out.append({"row": str(i), "event_id": r.get("event_id", ""), "change": "; ".join(diff)})
    return out


def _cell(column: str, value: str | None) -> Any:
    """A sheet cell as compared: actor ids as a set (their order says nothing)."""
    if column.endswith("_ids"):
        return frozenset(x.strip() for x in (value or "").split(";") if x.strip())
    return value or ""


def records_of_documents(paths: list[str], doc_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Event records, by document id, of the corpus documents named in a sheet (analysed now)."""
    from rasd.ingest import read_paths
    from rasd.model import Document
    from rasd.pipeline import analyse, default_pipeline

    pipeline = default_pipeline()
    out: dict[str, list[dict[str, Any]]] = {}
    for document in read_paths(paths):
        if isinstance(document, Document) and document.id in doc_ids:
            out[document.id] = [e.as_dict() for e in analyse(document, pipeline).events]
    return out


# ---- command line ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Entry point: sample | score | redact | changes | stats."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_sample = sub.add_parser("sample", help="draw N events into a sheet for a human judge")
    p_sample.add_argument("paths", nargs="*", help="corpus files or folders to analyse (instead of --db)")
    p_sample.add_argument("--db", type=Path, help="a rasd DuckDB file (from `rasd run`)")
    p_sample.add_argument("--n", type=int, default=100, help="events to draw (default 100)")
    p_sample.add_argument("--seed", type=int, default=1, help="random seed (the same seed, the same sample)")
    p_sample.add_argument("--limit", type=int, default=None, help="analyse at most this many articles")
    p_sample.add_argument("--out", type=Path, required=True, help="sheet to write: .csv or .md")
    p_score = sub.add_parser("score", help="precision from a filled sheet")
    p_score.add_argument("sheet", type=Path)
    p_score.add_argument("--json", action="store_true")
    p_redact = sub.add_parser("redact", help="keep a judged sheet's ids, offsets and judgements, drop the text")
    p_redact.add_argument("sheet", type=Path)
    p_redact.add_argument("--out", type=Path, required=True, help="redacted sheet to write: .csv or .md")
    p_changes = sub.add_parser("changes", help="rows of a judged sheet that the current code reads differently")
    p_changes.add_argument("sheet", type=Path)
    p_changes.add_argument("paths", nargs="+", help="the corpus the sheet was drawn from")
    p_stats = sub.add_parser("stats", help="events per article, types and statuses over a corpus")
    p_stats.add_argument("paths", nargs="+")
    p_stats.add_argument("--limit", type=int, default=None)
    p_stats.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if args.command == "sample":
        if bool(args.db) == bool(args.paths):
            parser.error("give either --db FILE or corpus PATHS to analyse")
        records = events_from_db(args.db) if args.db else events_from_corpus(args.paths, args.limit)
        rows = [sheet_row(r) for r in draw(records, args.n, args.seed)]
        if not rows:
            print("no events to sample: run `rasd run` on a corpus first, or pass corpus paths",
                  file=sys.stderr)
            return 1
        write_sheet(rows, args.out)
        print(f"wrote {len(rows)} events to {args.out}; fill {', '.join(JUDGED)} with 1/0, then run: "
              f"python scripts/sample_events.py score {args.out}")
        return 0
    if args.command == "score":
        if not args.sheet.exists():
            print(f"no sheet at {args.sheet}: draw one with `sample --out {args.sheet}`", file=sys.stderr)
            return 1
        result = score_sheet(read_sheet(args.sheet))
        print(json.dumps(result, ensure_ascii=False) if args.json else format_score(result))
        return 0
    if args.command == "redact":
        rows = redact(read_sheet(args.sheet))
        write_sheet(rows, args.out)
        print(f"wrote {len(rows)} judged events without article text to {args.out}")
        return 0
    if args.command == "changes":
        rows = read_sheet(args.sheet)
        found = changes(rows, records_of_documents(args.paths, {r.get("doc_id", "") for r in rows}))
        for c in found:
            print(f"row {c['row']} {c['event_id']}: {c['change']}")
        print(f"{len(found)} of {len(rows)} rows read differently now; judge these again to score the current code")
        return 0
    stats = corpus_stats(args.paths, args.limit)
    print(json.dumps(stats, ensure_ascii=False) if args.json else format_stats(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
