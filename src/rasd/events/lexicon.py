"""The event lexicons (package data under rasd/data/lexicon), compiled once into look-up tables.

Every written form is generated from stems (``inflect``) and keyed by its normalized core, so
matching a token is one dict look-up after clitic stripping, cached per word type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..normalize import normalize
from .alternation import longest_first
from .inflect import IMPERFECT, PERFECT, noun_forms, verb_forms

LEXICON_PACKAGE = "rasd.data.lexicon"


@dataclass(frozen=True, slots=True)
class Restrict:
    """Sense restrictions of a trigger (see the header of triggers.tsv)."""

    seq: tuple[frozenset[str], ...] = ()
    near: frozenset[str] = frozenset()
    not_next: frozenset[str] = frozenset()
    not_prev: frozenset[str] = frozenset()
    no_bare: bool = False
    support_only: bool = False
    obj_concrete: bool = False


@dataclass(frozen=True, slots=True)
class TriggerSense:
    id: str
    verbal: bool
    type: str
    mode: str | None
    cameo: str | None
    gen: str  # role of a genitive actor after a noun: agent | patient
    restrict: Restrict


@dataclass(frozen=True, slots=True)
class SupportVerb:
    id: str
    types: frozenset[str] | None  # None: any type
    subject: str  # agent | patient | event | place
    aspect: str | None


@dataclass(frozen=True, slots=True)
class Cue:
    """A status or attribution cue: ``status`` holds the status or the attribution kind."""

    id: str
    status: str
    scope: str  # local | govern | post (status) ; report | cont | prep | anon | anon_mod | outlet
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FormHit:
    """One reading of a written core: what lexicon entry it is a form of, and its tense."""

    kind: str  # trigger | support | support_masdar | cue | report | cont
    ref: TriggerSense | SupportVerb | Cue
    tense: str | None  # perf / impf / pass for verb forms, None for nouns
    bare: bool = False  # the bare 3ms perfect, written like a noun (فجر، طالب)


# Not frozen (hashed and compared by value all the same): a frozen dataclass sets each of the 15
# fields through object.__setattr__, which made each new word type's Word about 1 µs dearer. A
# Word is shared by every token of its type: never change one, make another (_with_clitics).
@dataclass(slots=True, unsafe_hash=True)
class Word:
    """A token's analysis: clitics, core and the lexicon entries its core is a form of."""

    norm: str  # the normalized surface word
    bare: str  # the same without a leading و/ف
    core: str
    conj: bool
    prep: str  # ب ل ك or ""
    al: bool
    fut: bool  # س on an imperfect
    encl: str
    hits: tuple[FormHit, ...]
    tense: str | None = None  # of the first verb reading
    clausal: bool = False  # a verb that opens a clause after و or a comma
    phrase: bool = False  # may start a cue phrase
    event_or_report: bool = False  # a trigger or a reporting-verb reading (a sentence needs a view)
    reports: bool = False  # a reporting-verb reading (report or cont): may name a sentence's source
    opens: bool = False  # clausal, or a word of _OPENING_WORDS: may open a clause or relative region


@dataclass(frozen=True, slots=True)
class ModeCue:
    types: frozenset[str]
    mode: str
    cameo: str


# Function words (normalized) that open a clause or a relative clause; the sentence view
# (syntax.build_view) reads them, and each word type knows once whether it is one (Word.opens).
RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي",
                       "اللاتي", "اللائي", "ممن"})
CLAUSE_OPENERS = frozenset({"بينما", "فيما", "لكن", "لكنه", "لكنها", "ولكن", "كما", "حيث", "ثم",
                            "اذ", "بعدما", "عندما", "حين", "حينما", "فيما", "لاسيما", "ولاسيما",
                            "سيما", "خاصه", "وخاصه"})
_OPENING_WORDS = CLAUSE_OPENERS | RELATIVES | frozenset({"بعد", "قبل", "منذ"})

# (no "ي": in news it is far more often a nisba ending, الاجتماعي، than "my")
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ني", "ه", "ك")
_ENCLITIC_LENGTHS = tuple(sorted({0, *map(len, _ENCLITICS)}))
_MAX_CACHED_WORDS = 500_000  # word types remembered before the caches start afresh
_MAX_PROCLITICS = 4  # the most letters _segmentations takes off a word's front: و + ب + ال


def _data_lines(name: str) -> list[list[str]]:
    """The TAB-separated rows of a lexicon file, comments and blank lines skipped."""
    text = resources.files(LEXICON_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def _word_set(spec: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in spec.split("|") if w)


def _parse_restrict(spec: str) -> Restrict:
    if spec in ("", "-"):
        return Restrict()
    kw: dict = {}
    for part in spec.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" in part:
            key, val = part.split("=", 1)
            if key == "seq":
                kw["seq"] = tuple(_word_set(v) for v in val.split(","))
            elif key in ("near", "not_next", "not_prev"):
                kw[key] = _word_set(val)
            else:
                raise ValueError(f"unknown restriction {key!r} in triggers.tsv: use seq, near, not_next, not_prev")
        elif part in ("no_bare", "support_only", "obj_concrete"):
            kw[part] = True
        else:
            raise ValueError(f"unknown restriction {part!r} in triggers.tsv")
    return Restrict(**kw)


def _none(v: str) -> str | None:
    return None if v in ("", "-") else v


@dataclass
class Lexicon:
    """All event lexicons, compiled; read-only after ``load`` except the per-word-type cache."""

    core_hits: dict[str, tuple[FormHit, ...]]
    phrases: dict[str, list[tuple[tuple[str, ...], Cue]]]  # first word -> (words, cue)
    modes: dict[str, list[ModeCue]]
    acled: dict[tuple[str, str], tuple[str | None, str | None, str | None]]
    version: str
    blocked: frozenset[str] = frozenset()  # written words read as themselves (not_triggers.tsv)
    _cache: dict[str, Word] = field(default_factory=dict, repr=False)
    # written word → (norm, proclitics, Word): the tokenizer gives one analysis per written word
    _token_cache: dict[str, tuple[str, tuple[str, ...], Word]] = field(default_factory=dict, repr=False)
    _cores: re.Pattern[str] | None = field(default=None, repr=False)  # see _may_hit, built on first use
    # ``phrases`` indexed for phrase_at: first word -> ({second word: its longer phrases, longest
    # first}, the first one-word cue as (1, cue) or None); built from ``phrases`` on creation
    _phrase_index: dict[str, tuple[dict[str, list[tuple[tuple[str, ...], Cue]]], tuple[int, Cue] | None]] = field(
        default_factory=dict, repr=False, init=False)

    def __post_init__(self) -> None:
        for first, entries in self.phrases.items():
            longer: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
            single = None
            for words, cue in entries:  # (load sorts them longest first: every longer phrase wins)
                if len(words) > 1:
                    longer.setdefault(words[1], []).append((words, cue))
                elif single is None:
                    single = (1, cue)
            self._phrase_index[first] = (longer, single)

    # ---- loading ------------------------------------------------------------------------

    @classmethod
    def load(cls) -> "Lexicon":
        core: dict[str, list[FormHit]] = {}

        def add(form: str, hit: FormHit) -> None:
            lst = core.setdefault(form, [])
            if hit not in lst:
                lst.append(hit)

        def add_verb(forms: str, vcls: str, make_hit) -> None:
            perf3ms = normalize(forms.split("/")[0].strip())
            for form, tense in verb_forms(forms, vcls):
                add(form, make_hit(tense, tense == PERFECT and form == perf3ms))

        for row in _data_lines("triggers.tsv"):
            if len(row) < 8:
                raise ValueError(f"triggers.tsv row {row[:1]} needs 8 columns (see its header)")
            tid, pos, forms, etype, mode, cameo, gen, restrict = row[:8]
            verbal = pos.startswith("verb:")
            sense = TriggerSense(tid, verbal, etype, _none(mode), _none(cameo),
                                 gen if gen in ("agent", "patient") else "agent",
                                 _parse_restrict(restrict))
            if verbal:
                add_verb(forms, pos.split(":", 1)[1],
                         lambda t, b, s=sense: FormHit("trigger", s, t, b))
            else:
                for w in forms.split("|"):
                    for form in noun_forms(w):
                        add(form, FormHit("trigger", sense, None))

        for row in _data_lines("support_verbs.tsv"):
            sid, vcls, forms, types, subject, aspect, masdar = row[:7]
            sv = SupportVerb(sid, None if types == "*" else frozenset(types.split(",")),
                             subject, _none(aspect))
            add_verb(forms, vcls, lambda t, b, s=sv: FormHit("support", s, t, b))
            if masdar not in ("", "-"):
                for form in noun_forms(masdar):
                    add(form, FormHit("support_masdar", sv, None))

        phrases: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}

        def add_words(cue_id: str, status: str, scope: str, spec: str) -> None:
            for phrase in spec.split("|"):
                words = tuple(normalize(w) for w in phrase.split())
                if not words:
                    continue
                cue = Cue(cue_id, status, scope, words)
                phrases.setdefault(words[0], []).append((words, cue))

        for row in _data_lines("status_cues.tsv"):
            cid, pos, forms, status, scope = row[:5]
            if pos.startswith("verb:"):
                cue = Cue(cid, status, scope)
                add_verb(forms, pos.split(":", 1)[1], lambda t, b, c=cue: FormHit("cue", c, t, b))
            else:
                add_words(cid, status, scope, forms)

        for row in _data_lines("attribution_cues.tsv"):
            aid, kind, pos, forms = row[:4]
            if pos.startswith("verb:"):
                cue = Cue(aid, kind, kind)
                add_verb(forms, pos.split(":", 1)[1],
                         lambda t, b, c=cue, k=kind: FormHit(k, c, t, b))
            else:
                add_words(aid, kind, kind, forms)
        for lst in phrases.values():  # longest phrase first
            lst.sort(key=lambda wc: -len(wc[0]))

        modes: dict[str, list[ModeCue]] = {}
        for row in _data_lines("modes.tsv"):
            forms, types, mode, cameo = row[:4]
            mc = ModeCue(frozenset(types.split(",")), mode, cameo)
            for w in forms.split("|"):
                modes.setdefault(normalize(w), []).append(mc)

        acled: dict[tuple[str, str], tuple[str | None, str | None, str | None]] = {}
        for row in _data_lines("cameo_acled.tsv"):
            etype, mode, cameo, ev, sub = row[:5]
            acled[(etype, mode)] = (_none(cameo), _none(ev), _none(sub))

        def specific_first(h: FormHit) -> int:
            r = h.ref.restrict if isinstance(h.ref, TriggerSense) else None
            return 0 if r is not None and (r.seq or r.near) else 1

        blocked = frozenset(normalize(row[0]) for row in _data_lines("not_triggers.tsv"))
        for form, lst in core.items():  # "إضراب عن الطعام" before "إضراب"
            lst.sort(key=specific_first)
        version = _version_of(("triggers.tsv", "support_verbs.tsv", "status_cues.tsv",
                               "attribution_cues.tsv", "modes.tsv", "cameo_acled.tsv", "not_triggers.tsv"))
        return cls({k: tuple(v) for k, v in core.items()}, phrases, modes, acled, version, blocked)

    # ---- word analysis ------------------------------------------------------------------

    def word(self, surface: str) -> Word:
        """The analysis of one written word (cached per word type)."""
        w = self._cache.get(surface)
        if w is None:
            w = self._analyse(surface)
            self._cache[surface] = w
        return w

    def _analyse(self, surface: str) -> Word:
        return self._word(*self._reading(surface))

    def _reading(self, surface: str) -> tuple[str, str, str, bool, str, bool, bool, str, tuple[FormHit, ...]]:
        """The fields of a written word's analysis (``_word``'s arguments)."""
        norm = normalize(surface)
        bare = norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm
        if norm in self.blocked or not self._may_hit(norm):
            conj, prep, al, core = _guess_core(norm)
            return norm, bare, core, conj, prep, al, False, "", ()
        for conj, prep, al, fut, rest in _segmentations(norm):
            for encl in ("",) + _ENCLITICS:
                if encl:
                    if not rest.endswith(encl) or len(rest) - len(encl) < 2:
                        continue
                    core = rest[: -len(encl)]
                else:
                    core = rest
                hits = self.core_hits.get(core)
                if not hits:
                    continue
                ok = tuple(h for h in hits if _compatible(h, prep, al, fut, encl))
                if ok:
                    return norm, bare, core, bool(conj), prep, al, fut, encl, ok
        conj, prep, al, core = _guess_core(norm)
        return norm, bare, core, conj, prep, al, False, "", ()

    def _may_hit(self, norm: str) -> bool:
        """Is any core that a reading of ``norm`` leaves (at most _MAX_PROCLITICS letters off the
        front, an enclitic off the end) a lexicon form? Most words are not: one quick test."""
        if self._cores is None:  # up to 4 letters, a form (as a trie), up to 3 letters
            self._cores = re.compile(rf"(?s).{{0,{_MAX_PROCLITICS}}}?{longest_first(self.core_hits)}"
                                     rf".{{0,{max(_ENCLITIC_LENGTHS)}}}")
        return self._cores.fullmatch(norm) is not None

    def _word(self, norm: str, bare: str, core: str, conj: bool, prep: str, al: bool, fut: bool,
              encl: str, hits: tuple[FormHit, ...]) -> Word:
        phrase = norm in self.phrases or bare in self.phrases
        if not hits:  # most words: no reading, nothing to ask the hits
            return Word(norm, bare, core, conj, prep, al, fut, encl, hits, None, False, phrase, False, False,
                        norm in _OPENING_WORDS or bare in _OPENING_WORDS)
        tense = next((h.tense for h in hits if h.tense is not None), None)
        clausal = tense is not None and any(
            h.kind in ("report", "cont", "cue", "support", "trigger") for h in hits)
        reports = any(h.kind in ("report", "cont") for h in hits)
        event_or_report = reports or any(h.kind == "trigger" for h in hits)
        opens = clausal or norm in _OPENING_WORDS or bare in _OPENING_WORDS
        return Word(norm, bare, core, conj, prep, al, fut, encl, hits, tense, clausal, phrase, event_or_report,
                    reports, opens)

    def token_word(self, text: str, norm: str, proclitics: tuple[str, ...]) -> Word:
        """A token's word, with the tokenizer's clitic split where the lexicon knows nothing."""
        entry = self._token_cache.get(text)
        if entry is not None and entry[0] == norm and entry[1] == proclitics:
            return entry[2]
        if len(self._token_cache) >= _MAX_CACHED_WORDS:  # bounded: an endless stream starts afresh
            self._token_cache.clear()
            self._cache.clear()
        # the written word's own analysis; not kept apart when the clitic split below replaces
        # it (one object per word type fewer for the memory and the garbage collector)
        w = self._cache.get(text)
        if w is None:
            s_norm, bare, core, conj, prep, al, fut, encl, hits = self._reading(text)
            if not hits and norm and (norm != core or proclitics):  # as below, one Word made, not two
                w = self._word(s_norm, bare, normalize(norm) or core, conj or "و" in proclitics or "ف" in proclitics,
                               prep or next((p for p in proclitics if p in ("ب", "ل", "ك")), ""),
                               al or "ال" in proclitics, fut, encl, hits)
                self._token_cache[text] = (norm, proclitics, w)
                return w
            w = self._word(s_norm, bare, core, conj, prep, al, fut, encl, hits)
        if not w.hits and norm and (norm != w.core or proclitics):
            pro = proclitics
            prep = w.prep or next((p for p in pro if p in ("ب", "ل", "ك")), "")
            w = _with_clitics(w, prep=prep, conj=w.conj or "و" in pro or "ف" in pro,
                              al=w.al or "ال" in pro, core=normalize(norm) or w.core)
        else:
            self._cache.setdefault(text, w)
        self._token_cache[text] = (norm, proclitics, w)
        return w

    def token_words(self, tokens) -> list[Word]:
        """``token_word`` of each token (the per-sentence loop, kept tight: one comprehension,
        the cached entry checked against the token's own clitic split)."""
        get = self._token_cache.get
        return [e[2] if (e := get(t.text)) is not None and e[0] == t.norm and e[1] == t.proclitics
                else self.token_word(t.text, t.norm, t.proclitics) for t in tokens]

    def phrase_at(self, words: list[Word], i: int) -> tuple[int, Cue] | None:
        """The longest cue phrase starting at word ``i``: (number of words, cue)."""
        w = words[i]
        if not w.phrase:
            return None
        nxt = words[i + 1].norm if i + 1 < len(words) else None
        for key in (w.norm, w.bare):
            entry = self._phrase_index.get(key)
            if entry is None:
                continue
            longer, single = entry
            # only the phrases whose second word is the next word can match (one look-up, not a
            # scan of every phrase that starts with this word)
            for phrase, cue in longer.get(nxt, ()):
                n = len(phrase)
                if i + n <= len(words) and (n == 2 or all(words[i + k].norm == phrase[k] for k in range(2, n))):
                    return n, cue
            if single is not None:
                return single
        return None


def _with_clitics(w: Word, prep: str, conj: bool, al: bool, core: str) -> Word:
    """``dataclasses.replace(w, prep=..., conj=..., al=..., core=...)``, several times faster
    (a test checks that it copies every other field)."""
    return Word(w.norm, w.bare, core, conj, prep, al, w.fut, w.encl, w.hits, w.tense, w.clausal,
                w.phrase, w.event_or_report, w.reports, w.opens)


def _segmentations(w: str):
    """(conj, prep, al, future, rest) readings of a word, fewest clitics first."""
    yield "", "", False, False, w
    for conj in ("", "و", "ف"):
        if conj and not w.startswith(conj):
            continue
        r1 = w[len(conj):]
        if conj and len(r1) >= 2:
            yield conj, "", False, False, r1
        for prep in ("ب", "ل", "ك"):
            if r1.startswith(prep) and len(r1) >= 3:
                r2 = r1[1:]
                yield conj, prep, False, False, r2
                if prep == "ل" and r2.startswith("ل") and len(r2) > 3:
                    yield conj, "ل", True, False, r2[1:]
                if r2.startswith("ال") and len(r2) > 3:
                    yield conj, prep, True, False, r2[2:]
        if r1.startswith("ال") and len(r1) > 3:
            yield conj, "", True, False, r1[2:]
        if r1.startswith("س") and len(r1) > 3 and r1[1] in "يتنا":
            yield conj, "", False, True, r1[1:]


def _compatible(hit: FormHit, prep: str, al: bool, fut: bool, encl: str) -> bool:
    """A verb takes no article or preposition (but purpose ل on an imperfect); a noun no س."""
    if hit.tense is not None:  # a verb form
        if al:
            return False
        if prep and not (prep == "ل" and hit.tense == IMPERFECT):
            return False
        if fut and hit.tense != IMPERFECT:
            return False
        return True
    return not fut


def _guess_core(w: str) -> tuple[bool, str, bool, str]:
    """For a word outside the lexicon: strip only the sure clitics (و/ف + ب/ل/ك + ال)."""
    conj, prep, al, r = False, "", False, w
    if len(r) > 4 and r[0] in "وف" and r[1:3] in ("ال", "لل", "بال", "كال"):
        conj, r = True, r[1:]
    if r.startswith("لل") and len(r) > 3:
        return conj, "ل", True, r[2:]
    if r[:3] in ("بال", "كال") and len(r) > 4:
        return conj, r[0], True, r[3:]
    if r.startswith("ال") and len(r) > 3:
        return conj, prep, True, r[2:]
    return conj, prep, al, r


def _version_of(names: tuple[str, ...]) -> str:
    """The lexicon version: the version fields of the files' provenance headers."""
    versions = []
    for name in names:
        head = resources.files(LEXICON_PACKAGE).joinpath(name).read_text(encoding="utf-8").split("\n", 1)[0]
        v = head.rsplit("version:", 1)[-1].strip() if "version:" in head else "0"
        versions.append(v)
    return "lex-" + max(versions)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon, compiled once per process and then only read."""
    return Lexicon.load()


__all__ = ["Lexicon", "Word", "FormHit", "TriggerSense", "SupportVerb", "Cue", "Restrict",
           "ModeCue", "default_lexicon", "PERFECT", "IMPERFECT"]
