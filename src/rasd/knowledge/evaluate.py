"""`rasd eval knowledge`: precision and recall of actor ids and place coordinates on sentences.

A test file is a YAML list of ``{text, actors: [{form, id}], places: [{form, kind, lat, lon} |
{form, kind: country, country}]}`` (the conventions: ``eval/knowledge/README.md``). Each gold
form is found verbatim in its text (the n-th gold item with a form takes its n-th occurrence);
a predicted mention matches a gold item when their spans overlap and
- actors: the ids are equal, or both are a state or an organ of the same state (EGY.GOV ~ EGY);
- places: the predicted point lies within the tolerance of the gold kind (city and site 50 km,
  admin1 150 km, region 500 km; no kind: 50 km), or, for a country-level gold, the predicted
  place is in that country.

Files whose name holds "heldout" form the held-out part, scored and reported apart from the
development part (the rules were never tuned on them).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import RasdError
from ..model import Mention
from ..sentences import split_sentences
from ..tokenize import tokenize

PLACE_TOLERANCE_KM = 50.0
# How far a resolved place may lie from the gold point, by the gold kind.
TOLERANCE_KM = {"city": 50.0, "site": 50.0, "admin1": 150.0, "region": 500.0}
PARTS = ("development", "held-out")


@dataclass(slots=True)
class Tally:
    """Counts for one kind of mention, with the errors found on the way."""

    tp: int = 0
    gold: int = 0
    predicted: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, Any]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "gold": self.gold, "predicted": self.predicted,
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def default_gold_files() -> list[Path]:
    """Every YAML file of eval/knowledge in the source tree this package runs from."""
    folder = Path(__file__).resolve().parents[3] / "eval" / "knowledge"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise RasdError("no bundled knowledge test set here (an installed package has no eval/); "
                        "pass --gold FILE or a folder of YAML files")
    return files


def state_root(actor_id: str | None) -> str | None:
    """EGY for EGY and EGY.GOV; None for slugs (ISIS) and unknowns."""
    if not actor_id:
        return None
    root = actor_id.split(".", 1)[0]
    return root if len(root) == 3 and root.isalpha() and root.isupper() else None


def actor_matches(predicted: str | None, gold: str) -> bool:
    if predicted == gold:
        return True
    root = state_root(gold)
    return root is not None and state_root(predicted) == root


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def place_matches(m: Mention, gold: dict[str, Any]) -> bool:
    p = m.place
    if p is None:
        return False
    if gold.get("lat") is not None and gold.get("lon") is not None:
        if p.lat is None or p.lon is None:
            return False
        tolerance = TOLERANCE_KM.get(str(gold.get("kind")), PLACE_TOLERANCE_KM)
        return distance_km(p.lat, p.lon, float(gold["lat"]), float(gold["lon"])) <= tolerance
    return gold.get("country") is not None and p.country == gold["country"]


def _spans(text: str, items: list[dict[str, Any]], where: str) -> list[tuple[int, int]]:
    """The span of each gold form: the n-th item with a form takes its n-th occurrence."""
    seen: dict[str, int] = {}
    out = []
    for item in items:
        form = str(item["form"])
        hits = _occurrences(text, form)
        if not hits and form.startswith("ال"):
            hits = _occurrences(text, "ل" + form[1:])  # "للجيش": the article after ل
        n = seen.get(form, 0)
        if n >= len(hits):
            raise RasdError(f"{where}: gold form {form!r} is not in the text (as often as listed); "
                            "copy it verbatim")
        seen[form] = n + 1
        out.append(hits[n])
    return out


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Spans of ``form`` in ``text``: whole words first ("تونس", not inside "التونسي")."""
    starts, i = [], text.find(form)
    while i >= 0:
        starts.append(i)
        i = text.find(form, i + 1)

    def whole(i: int) -> bool:
        j = i + len(form)
        return (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())
    ordered = [i for i in starts if whole(i)] + [i for i in starts if not whole(i)]
    return [(i, i + len(form)) for i in ordered]


def _score(text: str, gold: list[dict[str, Any]], spans: list[tuple[int, int]],
           predicted: list[Mention], ok, describe, tally: Tally) -> None:
    """Greedy one-to-one matching of overlapping, compatible mentions."""
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    used: set[int] = set()
    for item, (s, e) in zip(gold, spans):
        hit = next((i for i, m in enumerate(predicted)
                    if i not in used and m.start < e and s < m.end and ok(m, item)), None)
        if hit is None:
            near = [describe(m) for m in predicted if m.start < e and s < m.end]
            tally.errors.append(f"missed {item['form']} → {item.get('id') or _where(item)}"
                                + (f" (got {', '.join(near)})" if near else "") + f"  | {text}")
        else:
            used.add(hit)
            tally.tp += 1
    for i, m in enumerate(predicted):
        if i not in used and not any(m.start < e and s < m.end for s, e in spans):
            tally.errors.append(f"spurious {describe(m)}  | {text}")


def _where(item: dict[str, Any]) -> str:
    if item.get("lat") is not None:
        return f"({item['lat']}, {item['lon']})"
    return str(item.get("country"))


def evaluate_sentences(path: Path | None = None, knowledge=None) -> dict[str, Any]:
    """Score the knowledge base on a sentence test set (a file, a folder, or the bundled one)."""
    from . import Knowledge

    if path is None:
        files = default_gold_files()
    elif Path(path).is_dir():
        files = sorted(Path(path).glob("*.yaml"))
    else:
        files = [Path(path)]
    kb = knowledge or Knowledge.load()
    tallies = {part: (Tally(), Tally()) for part in PARTS}
    counts = dict.fromkeys(PARTS, 0)
    n = 0
    for f in files:
        items = yaml.safe_load(f.read_text(encoding="utf-8")) or []
        part = part_of(f)
        actors, places = tallies[part]
        counts[part] += len(items)
        for k, item in enumerate(items):
            text = item["text"]
            where = f"{f.name}#{k + 1}"
            sentences = split_sentences(text)
            mentions = kb.find_mentions(text, sentences, tokenize(text, sentences))
            n += 1
            gold_a = item.get("actors") or []
            pred_a = [m for m in mentions if m.actor is not None and m.actor.id is not None]
            _score(text, gold_a, _spans(text, gold_a, where), pred_a,
                   lambda m, g: actor_matches(m.actor.id, str(g["id"])),
                   lambda m: f"{m.text} → {m.actor.id}", actors)
            gold_p = item.get("places") or []
            pred_p = [m for m in mentions if m.place is not None]
            _score(text, gold_p, _spans(text, gold_p, where), pred_p, place_matches,
                   lambda m: f"{m.text} → {m.place.id} ({m.place.lat}, {m.place.lon})", places)
    actors, places = (_sum(t[i] for t in tallies.values()) for i in (0, 1))
    overall = _sum((actors, places))
    parts = {part: {"sentences": counts[part], "actors": a.scores(), "places": p.scores(),
                    "overall": _sum((a, p)).scores()}
             for part, (a, p) in tallies.items() if counts[part]}
    return {
        "files": [str(f) for f in files], "sentences": n, "knowledge_version": kb.version,
        "places_available": kb.places is not None,
        "actors": actors.scores(), "places": places.scores(), "overall": overall.scores(),
        "parts": parts,
        "errors": {"actors": actors.errors, "places": places.errors},
    }


def part_of(path: Path) -> str:
    """"held-out" for a file whose name says so, else "development"."""
    return "held-out" if "heldout" in Path(path).name else "development"


def _sum(tallies) -> Tally:
    out = Tally()
    for t in tallies:
        out.tp += t.tp
        out.gold += t.gold
        out.predicted += t.predicted
        out.errors += t.errors
    return out


def format_report(result: dict[str, Any], verbose: bool = False) -> str:
    """A readable table of the scores; with ``verbose``, every error too."""
    lines = [f"knowledge {result['knowledge_version']}: {result['sentences']} sentences"
             f" ({', '.join(Path(f).name for f in result['files'])})",
             f"{'':8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for key in ("actors", "places", "overall"):
        s = result[key]
        lines.append(f"{key:8} {s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f} "
                     f"{s['gold']:6d} {s['predicted']:6d}")
    parts = result.get("parts") or {}
    if len(parts) > 1:
        for part, scores in parts.items():
            lines.append(f"{part} ({scores['sentences']} sentences):")
            for key in ("actors", "places"):
                s = scores[key]
                lines.append(f"  {key:6} {s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f} "
                             f"{s['gold']:6d} {s['predicted']:6d}")
    if not result.get("places_available"):
        lines.append("(no gazetteer in this build: places are not resolved)")
    if verbose:
        for key in ("actors", "places"):
            errs = result["errors"][key]
            lines.append(f"\n{key} errors ({len(errs)}):")
            lines += [f"  {e}" for e in errs]
    else:
        n = sum(len(v) for v in result["errors"].values())
        lines.append(f"{n} errors; --verbose lists them")
    return "\n".join(lines)


__all__ = ["evaluate_sentences", "format_report", "actor_matches", "place_matches",
           "state_root", "distance_km", "default_gold_files", "part_of", "TOLERANCE_KM"]
