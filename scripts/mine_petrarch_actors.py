"""Review UniversalPetrarch's Arabic actor dictionary against rasd's actors (read at run time).

The dictionary (MIT, ../shared/data/universalpetrarch_arabic_dictionaries) maps lemmatised,
underscore-joined names ("نوري_المالكي_") to CAMEO codes with date ranges. Its forms are
lemmas, not surface text, and some date ranges are malformed, so nothing is imported
blindly: this script lists the entries coded for a state of the region and active since
2011 that rasd does not resolve, with their codes, as candidates for a person to check and
add to src/rasd/data/knowledge/actors/*.tsv (with "source: UniversalPetrarch" in the row's
file header). It also reports how many of those entries rasd already resolves, and to what.

    .venv/bin/python scripts/mine_petrarch_actors.py [--shared ../shared] [--since 2011]
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from rasd.knowledge import Knowledge

REGION = {"EGY", "LBY", "TUN", "DZA", "MAR", "MRT", "SDN", "SSD", "SOM", "DJI", "ERI", "ETH",
          "TCD", "NER", "MLI", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "JOR", "IRQ",
          "SYR", "LBN", "PSE", "ISR", "TUR", "IRN"}
CODE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*(?:(\d{8})-(\d{8}))?\]")


def entries(path: Path):
    """(surface guess, [(country, agent, start, end)]) for every dictionary entry."""
    name, codes = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head = line.split("[")[0].strip() if not line.startswith(("\t", " ")) else ""
        if head:
            if name:
                yield name, codes
            name, codes = head.strip("_").replace("_", " "), []
        codes += [(m.group(1), m.group(2), m.group(3), m.group(4)) for m in CODE.finditer(line)]
    if name:
        yield name, codes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--since", default="2011")
    args = ap.parse_args()
    path = (Path(args.shared) / "data" / "universalpetrarch_arabic_dictionaries" / "dictionaries"
            / "actor_dict_ar_v4.txt")
    kb = Knowledge.load()
    since = args.since + "0101"
    resolved, missing = Counter(), []
    for name, codes in entries(path):
        recent = [c for c in codes if c[0] in REGION and (c[3] is None or c[3] >= since or c[3] == "18000101")]
        if not recent or len(name.split()) < 2:
            continue
        actor = kb.resolve_actor(name)
        if actor is None:
            missing.append((name, " ".join(f"{c}{a}" for c, a, *_ in recent)))
        else:
            ok = actor.country in {c for c, *_ in recent} or (actor.id or "")[:3] in {c for c, *_ in recent}
            resolved["same country" if ok else "other country"] += 1
    print(f"entries coded for the region since {args.since}: {sum(resolved.values()) + len(missing)}")
    print(f"resolved by rasd: {dict(resolved)}; not resolved: {len(missing)}")
    for name, codes in missing:
        print(f"  {name}\t{codes}")


if __name__ == "__main__":
    main()
