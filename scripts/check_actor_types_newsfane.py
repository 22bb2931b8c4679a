"""Check rasd's actor types against NewsFANE's hand-typed entities (read at run time).

NewsFANE Gold 2014 (CC BY-SA 3.0, ../shared/data/newsfane_gold_2014) types the entity
mentions of ANERcorp's newswire into ~45 fine classes. This script runs rasd's knowledge
on that text and prints, for each rasd actor type, which NewsFANE classes its mentions fall
on ("O" = NewsFANE tags no entity there), plus the most frequent forms behind each "O"
so that false positives can be reviewed. Nothing from the corpus is written anywhere.

    .venv/bin/python scripts/check_actor_types_newsfane.py [--shared ../shared] [--top 15]
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from rasd.knowledge import Knowledge
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize


def read_blocks(path: Path):
    """(text, [(start, end, fine class or 'O')]) per blank-line block of the corpus."""
    toks: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.replace("\u200e", "").rstrip("\r")
        if not line.strip():
            if toks:
                yield _join(toks)
                toks = []
            continue
        word, _, tag = line.partition("\t")
        toks.append((word.strip(), tag.strip()))
    if toks:
        yield _join(toks)


def _join(toks):
    text, spans, pos = [], [], 0
    for word, tag in toks:
        spans.append((pos, pos + len(word), tag[2:] if tag[:2] in ("B-", "I-") else "O"))
        text.append(word)
        pos += len(word) + 1
    return " ".join(text), spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()
    kb = Knowledge.load()
    path = Path(args.shared) / "data" / "newsfane_gold_2014" / "NewsFANE_Gold_2014_170K.txt"
    table: dict[str, Counter] = defaultdict(Counter)
    o_forms: dict[str, Counter] = defaultdict(Counter)
    for text, spans in read_blocks(path):
        sentences = split_sentences(text)
        for m in kb.find_mentions(text, sentences, tokenize(text, sentences)):
            if m.actor is None or m.actor.id is None:
                continue
            classes = [c for s, e, c in spans if s < m.end and m.start < e]
            named = [c for c in classes if c != "O"]
            cls = Counter(named).most_common(1)[0][0] if named else "O"
            table[m.actor.type][cls] += 1
            if cls == "O":
                o_forms[m.actor.type][f"{m.text} → {m.actor.id}"] += 1
    total = sum(sum(c.values()) for c in table.values())
    print(f"{total} rasd actor mentions on NewsFANE text")
    for kind, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(counts.values())
        top = ", ".join(f"{c} {k}" for k, c in counts.most_common(6))
        print(f"{kind:18} {n:6d}  {top}")
    for kind, forms in o_forms.items():
        print(f"\n{kind}: most frequent forms where NewsFANE tags no entity")
        for form, c in forms.most_common(args.top):
            print(f"  {c:4d}  {form}")


if __name__ == "__main__":
    main()
