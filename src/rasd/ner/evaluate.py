"""`rasd eval ner`: exact-span precision, recall and F1, micro and per class, as seqeval does.

Spans are read from IOB tags the way seqeval (and conlleval) read them in their default
mode: an I- tag after O or after another type opens a new entity, and sentences are
joined with an O between them.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .conll import read_conll

if TYPE_CHECKING:
    from . import NerTagger


def _split_tag(tag: str) -> tuple[str, str]:
    """('B', 'PER') for 'B-PER'; ('O', '_') for 'O' (seqeval's reading)."""
    return tag[0], (tag[1:].split("-", 1)[-1] or "_")


def _ends(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if prev_tag in ("E", "S"):
        return True
    if prev_tag in ("B", "I") and tag in ("B", "S", "O"):
        return True
    return prev_tag not in ("O", ".") and prev_type != type_


def _starts(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if tag in ("B", "S"):
        return True
    if prev_tag in ("E", "S", "O") and tag in ("E", "I"):
        return True
    return tag not in ("O", ".") and prev_type != type_


def entity_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first, last) token index of each entity in one tag sequence (inclusive)."""
    spans = []
    prev_tag, prev_type, begin = "O", "_", 0
    for i, chunk in enumerate([*tags, "O"]):
        if chunk == "O":  # the common case, read faster: O ends what runs and starts nothing
            if prev_tag not in ("O", "."):
                spans.append((prev_type, begin, i - 1))
            prev_tag, prev_type = "O", "_"
            continue
        tag, type_ = _split_tag(chunk)
        if _ends(prev_tag, tag, prev_type, type_):
            spans.append((prev_type, begin, i - 1))
        if _starts(prev_tag, tag, prev_type, type_):
            begin = i
        prev_tag, prev_type = tag, type_
    return spans


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": n_gold}


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Micro and per-class exact-span scores of predicted tag sequences against gold ones."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, predicted):
        if len(g) != len(p):
            raise ValueError("a predicted sentence differs in length from its gold sentence")
        gold_spans = set(entity_spans(g))
        pred_spans = set(entity_spans(p))
        n_gold.update(t for t, _, _ in gold_spans)
        n_pred.update(t for t, _, _ in pred_spans)
        tp.update(t for t, _, _ in gold_spans & pred_spans)
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    classes = sorted(set(n_gold) | set(n_pred))
    return {**micro, "per_class": {c: _prf(tp[c], n_pred[c], n_gold[c]) for c in classes}}


def evaluate_conll(path: Path, tagger: "NerTagger | None" = None) -> dict[str, Any]:
    """Tag a CoNLL gold file's tokens with the tagger (default: the shipped one) and score it."""
    from . import NerTagger, missing_model_error

    if tagger is None:
        tagger = NerTagger.load_default(warn=False)
        if tagger is None:
            raise missing_model_error()
    sentences = read_conll(Path(path))
    start = time.perf_counter()
    predicted = tagger.tag_sentences([s.tokens for s in sentences])
    seconds = time.perf_counter() - start
    result = score([s.tags for s in sentences], predicted)
    n_tokens = sum(len(s.tokens) for s in sentences)
    result.update({"gold": str(path), "sentences": len(sentences), "tokens": n_tokens,
                   "tokens_per_s": round(n_tokens / seconds) if seconds else None,
                   "model": tagger.version})
    return result


def format_report(result: dict[str, Any]) -> str:
    """A seqeval-like table of a result from evaluate_conll."""
    lines = [f"{'':>8} {'precision':>9} {'recall':>9} {'f1':>9} {'support':>8}"]
    for label, m in result["per_class"].items():
        lines.append(f"{label:>8} {m['precision']:9.4f} {m['recall']:9.4f} {m['f1']:9.4f} {m['support']:8d}")
    lines.append(f"{'micro':>8} {result['precision']:9.4f} {result['recall']:9.4f} {result['f1']:9.4f} "
                 f"{result['support']:8d}")
    if "tokens" in result:
        lines.append(f"{result['sentences']} sentences, {result['tokens']} tokens, "
                     f"{result['tokens_per_s']} tokens/s, model {result['model']}")
    return "\n".join(lines)


__all__ = ["entity_spans", "score", "evaluate_conll", "format_report"]
