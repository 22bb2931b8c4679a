"""Actor data: the TSV files of ``rasd/data/knowledge/actors`` read into typed records.

Every file starts with ``#`` provenance lines, then a header row naming its columns; lists
inside a cell are separated by ``|``. Which columns a file has decides nothing but what is
filled in, so a user file can be as small as ``id  type  name_ar  aliases``. File names
choose the kind of record:

- ``organs*.tsv``: heads of state organs (``role type gender standalone name_en forms``),
  combined with every state by pattern (see ``rasd.knowledge.organs``);
- ``generics*.tsv``: typed but unnamed actors (``id type name_en name_ar forms``);
- ``titles*.tsv``: titles that may stand before a person's name (``form``);
- anything else: named actors (``id type country name_en name_ar aliases nisba nisba_extra
  organ_nisba capital titles leads wikidata needs_before not_before``). ``needs_before`` and
  ``not_before`` guard ambiguous names ("مالي" is Mali only after "في", "شمال" …); when
  some aliases carry a leading ``~``, only those are guarded ("~الجزيرة" but not "قناة الجزيرة").

A row whose id is already known replaces the earlier one, so user folders given later
override the bundled data.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import RasdError
from ..model import Actor
from ..normalize import normalize

# Inflections of a nisba adjective after its stem ("مصر" → مصري، مصرية، مصريون …); the last
# one is the adverbial accusative ("جنديا مصريا"), which for most stems is also the country.
NISBA_ENDINGS = ("ي", "ية", "يون", "يين", "يات", "يان", "يتان", "يتين", "يا")

ACTOR_COLUMNS = ("id", "type", "country", "name_en", "name_ar", "aliases", "nisba", "nisba_extra",
                 "organ_nisba",
                 "capital", "titles", "leads", "wikidata", "needs_before", "not_before")


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """A named actor with the surface forms that name it."""

    actor: Actor
    aliases: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()  # aliases that need the context words below ("~الجزيرة")
    nisba_forms: tuple[str, ...] = ()  # adjectives naming the state ("المصرية")
    organ_nisba_forms: tuple[str, ...] = ()  # ambiguous ones, only after an organ ("الجيش المالي")
    capitals: tuple[str, ...] = ()  # capital cities that speak for the state ("القاهرة")
    titles: tuple[str, ...] = ()
    needs_before: frozenset[str] = frozenset()  # normalized: match only after one of these words
    not_before: frozenset[str] = frozenset()  # normalized: no match when one of these follows


@dataclass(frozen=True, slots=True)
class OrganHead:
    """A noun phrase naming an organ of a state: "الجيش", "وزارة الدفاع", "قوات الأمن"."""

    role: str  # id suffix: MIL GOV POL SEC LEG MOD MOI MFA JUD
    type: str
    gender: str  # m / f: the agreement of the nisba in the organ's Arabic name
    standalone: bool  # "الجيش" alone means an army; "قوات" alone does not
    name_en: str
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GenericRecord:
    """A typed, unnamed actor: "مسلحون", "متظاهرون", "مدنيون"."""

    actor: Actor
    forms: tuple[str, ...]


@dataclass(slots=True)
class ActorData:
    """Everything the actor files hold, after user overrides."""

    actors: dict[str, ActorRecord] = field(default_factory=dict)
    organs: dict[tuple[str, str], OrganHead] = field(default_factory=dict)  # (role, first form)
    generics: dict[str, GenericRecord] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    digest: str = ""


def nisba_forms(stem: str) -> list[str]:
    """All inflections of the nisba built on ``stem``, with and without the article."""
    forms = [stem + ending for ending in NISBA_ENDINGS]
    return forms + ["ال" + f for f in forms[:-1]]


def _cells(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def read_tsv(text: str, where: str) -> Iterator[dict[str, str]]:
    """Rows of a provenance-headed TSV as dicts keyed by its header."""
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n\r").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        while len(cells) > len(header) and not cells[-1].strip():
            cells.pop()  # trailing empty cells are harmless
        if len(cells) > len(header):
            raise RasdError(f"{where}:{lineno}: {len(cells)} cells for {len(header)} columns; "
                            "separate cells with one tab and lists with '|'")
        yield {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}


def _actor_record(row: dict[str, str], where: str) -> ActorRecord:
    aid = row.get("id", "")
    raw_name = row.get("name_ar", "")
    name_ar = raw_name.lstrip("~")
    if not aid or not (name_ar or row.get("aliases")):
        raise RasdError(f"{where}: a row needs an id and a name_ar or aliases (got {row!r})")
    kind = row.get("type") or "state"
    country = row.get("country") or (aid if kind == "state" else None) or None
    actor = Actor(id=aid, name=row.get("name_en") or aid, name_ar=name_ar or _cells(row["aliases"])[0],
                  type=kind, country=country, wikidata=row.get("wikidata") or None,
                  leads=row.get("leads") or None)
    nisbas = [f for stem in _cells(row.get("nisba", "")) for f in nisba_forms(stem)]
    extra = list(_cells(row.get("nisba_extra", "")))
    nisbas += extra + ["ال" + f for f in extra if not f.startswith("ال")]
    nisbas += [f[2:] for f in extra if f.startswith("ال") and len(f) > 4]
    organ_only = [f for stem in _cells(row.get("organ_nisba", "")) for f in nisba_forms(stem)]
    forms = ((raw_name,) if raw_name else ()) + _cells(row.get("aliases", ""))
    # a "~" marks the forms that need context; without any mark, context rules guard them all
    marked = tuple(f[1:] for f in forms if f.startswith("~"))
    plain = tuple(f for f in forms if not f.startswith("~"))
    has_rules = bool(row.get("needs_before") or row.get("not_before"))
    aliases, guarded = (plain, marked) if marked or not has_rules else ((), plain)
    return ActorRecord(actor, aliases=aliases, guarded=guarded, nisba_forms=tuple(nisbas),
                       organ_nisba_forms=tuple(organ_only),
                       capitals=_cells(row.get("capital", "")), titles=_cells(row.get("titles", "")),
                       needs_before=_context_words(row.get("needs_before", "")),
                       not_before=_context_words(row.get("not_before", "")))


def _context_words(cell: str) -> frozenset[str]:
    """Normalized context words, also with the conjunctions و and ف attached."""
    words = [normalize(w) for w in _cells(cell)]
    return frozenset(words + ["و" + w for w in words] + ["ف" + w for w in words])


def _organ_head(row: dict[str, str], where: str) -> OrganHead:
    try:
        return OrganHead(role=row["role"], type=row["type"], gender=row.get("gender") or "m",
                         standalone=row.get("standalone", "no") == "yes",
                         name_en=row.get("name_en") or row["role"], forms=_cells(row["forms"]))
    except KeyError as exc:
        raise RasdError(f"{where}: an organs file needs the columns role, type, forms") from exc


def _generic(row: dict[str, str], where: str) -> GenericRecord:
    if not row.get("id") or not row.get("forms"):
        raise RasdError(f"{where}: a generics file needs the columns id, type, forms")
    actor = Actor(id=row["id"], name=row.get("name_en") or row["id"], name_ar=row.get("name_ar", ""),
                  type=row.get("type") or "generic")
    return GenericRecord(actor, _cells(row["forms"]))


def add_file(data: ActorData, name: str, text: str) -> None:
    """Read one actor file into ``data``; later rows replace earlier ones with the same key."""
    if name.startswith("organs"):
        for row in read_tsv(text, name):
            head = _organ_head(row, name)
            data.organs[(head.role, head.forms[0])] = head
    elif name.startswith("generics"):
        for row in read_tsv(text, name):
            rec = _generic(row, name)
            data.generics[rec.actor.id or ""] = rec
    elif name.startswith("titles"):
        for row in read_tsv(text, name):
            data.titles.update(_cells(row.get("form", "")))
    else:
        for row in read_tsv(text, name):
            rec = _actor_record(row, name)
            data.actors[rec.actor.id or ""] = rec


def bundled_files() -> list[tuple[str, str]]:
    """(file name, text) of the packaged actor files, in name order."""
    folder = resources.files("rasd") / "data" / "knowledge" / "actors"
    out = [(f.name, f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".tsv")]
    return sorted(out)


def user_files(dirs: Iterable[Path]) -> list[tuple[str, str]]:
    """Actor files of user knowledge folders: DIR/actors/*.tsv (or *.tsv directly in DIR)."""
    out = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise RasdError(f"knowledge folder {d} does not exist; pass a folder holding actors/*.tsv")
        folder = d / "actors" if (d / "actors").is_dir() else d
        for f in sorted(folder.glob("*.tsv")):
            out.append((f.name, f.read_text(encoding="utf-8")))
    return out


def load_actor_data(dirs: Iterable[Path] = ()) -> ActorData:
    """Bundled actor data, then each user folder in order (later entries override)."""
    files = bundled_files() + user_files(dirs)
    data = ActorData()
    digest = hashlib.blake2b(digest_size=8)
    for name, text in files:
        add_file(data, name, text)
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    data.digest = digest.hexdigest()
    return data


__all__ = ["ActorRecord", "OrganHead", "GenericRecord", "ActorData", "nisba_forms", "read_tsv",
           "add_file", "load_actor_data", "bundled_files", "user_files", "NISBA_ENDINGS"]
