"""Print what the event gold set under eval/gold holds: documents, events per type, status and mode."""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import yaml

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATUSES = ("occurred", "ongoing", "planned", "threatened", "alleged", "denied", "foiled", "negated",
            "hypothetical")


def load_golds(folder: Path) -> list[tuple[Path, dict]]:
    """Read every gold YAML file of a folder, in name order."""
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(folder.glob("*.gold.yaml"))]


def body_words(txt: Path, document: dict) -> int:
    """Count the whitespace-separated words of the article body."""
    text = txt.read_text(encoding="utf-8")
    start = text.index(document["body_starts_with"])
    end = text.index(document["body_ends_with"], start) + len(document["body_ends_with"])
    return len(text[start:end].split())


def table(title: str, counter: collections.Counter, order: tuple[str, ...] | None = None) -> str:
    """Render one count table as Markdown."""
    keys = list(order) if order else sorted(counter, key=lambda k: (-counter[k], k))
    rows = [f"| {title} | events |", "| --- | ---: |"]
    rows += [f"| {key} | {counter.get(key, 0)} |" for key in keys]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print document and event counts of a gold folder as Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=Path(__file__).resolve().parents[1] / "eval" / "gold",
                        type=Path, help="folder of NNN_slug.txt + NNN_slug.gold.yaml pairs")
    args = parser.parse_args(argv)
    golds = load_golds(args.folder)
    if not golds:
        print(f"no *.gold.yaml files in {args.folder}: pass the gold folder", file=sys.stderr)
        return 1
    types, statuses, modes, attributions = (collections.Counter() for _ in range(4))
    dated = words = optional = 0
    for path, gold in golds:
        dated += gold["document"].get("published") is not None
        words += body_words(path.with_name(path.name.replace(".gold.yaml", ".txt")), gold["document"])
        optional += len(gold.get("optional") or [])
        for event in gold["events"]:
            types[event["type"]] += 1
            statuses[event["status"]] += 1
            modes[event.get("mode") or "(none)"] += 1
            attributions[(event.get("attribution") or {}).get("kind", "none")] += 1
    n_events = sum(types.values())
    print(f"documents: {len(golds)} ({dated} with a publication date, {len(golds) - dated} without)")
    print(f"body words: {words} (mean {words / len(golds):.0f})")
    print(f"events: {n_events}; optional readings: {optional}\n")
    print(table("type", types, PLOVER_TYPES) + "\n")
    print(table("status", statuses, STATUSES) + "\n")
    print(table("mode", modes) + "\n")
    print(table("attribution", attributions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
