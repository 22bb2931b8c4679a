"""A small hand-written rasd database for the API and browser tests (and checks that its spans are right).

The Arabic texts below are written for these tests; every span is computed from the text,
so each record points at the words it names, as the extractor's records do.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from rasd.model import (ActorRef, Analysis, Attribution, Casualties, Document, Event, Evidence,
                        LocationRef, Mention, TimeRef, stable_id)

D = dt.date

# ---- texts -------------------------------------------------------------------------------

TEXTS = {
    "libya": (
        "شنت طائرات حربية غارات جوية على مواقع لتنظيم داعش في مدينة درنة فجر الخميس، ما أسفر عن "
        "مقتل ستة مسلحين، بحسب المتحدث باسم الجيش الليبي.\n"
        "وقال المتحدث إن الجيش الليبي يعتزم مهاجمة مواقع أخرى قرب بنغازي خلال الأيام المقبلة.\n"
        "ونفت حكومة طرابلس أي مشاركة لها في الغارات على درنة."
    ),
    "cairo": (
        "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الإيطالي لبحث الأوضاع في ليبيا.\n"
        "وأفادت مصادر دبلوماسية بأن مسؤولين من عدة دول سيعقدون اجتماعا في القاهرة الأسبوع المقبل.\n"
        "وأعلنت الأجهزة الأمنية المصرية إحباط مخطط لاستهداف سفارة أجنبية في القاهرة."
    ),
    "aleppo": (
        "قصفت المدفعية مواقع في ريف حلب الشمالي يوم الثلاثاء، وأفاد ناشطون بإصابة ثلاثة مدنيين.\n"
        "واتهمت الحكومة السورية فصائل مسلحة بنقل أسلحة إلى المنطقة، وهو ما نفته الفصائل.\n"
        "وهدد قائد فصيل مسلح بالرد على أي هجوم جديد."
    ),
    "sanaa": (
        "تظاهر مئات المواطنين في صنعاء احتجاجا على انقطاع الكهرباء.\n"
        "ورفع أحد المحتجين لافتة كتب عليها <script>alert('xss')</script> قبل أن تفرقهم قوات الأمن بالقوة.\n"
        "واعتقلت قوات الأمن خمسة متظاهرين."
    ),
    "khartoum": (
        "قال شهود إن الخرطوم لم تشهد أي اشتباكات خلال الليل.\n"
        "وإذا استمر القتال في دارفور فقد يفرض مجلس الأمن عقوبات جديدة."
    ),
}

DOCS = {
    "libya": dict(url="https://news.example/ly/derna-strikes", outlet="الوسط", title="غارات على درنة",
                  published=D(2025, 3, 14)),
    "cairo": dict(url="https://news.example/eg/contacts", outlet="الأهرام", title="اتصالات مصرية إيطالية",
                  published=D(2025, 3, 20)),
    "aleppo": dict(url="https://news.example/sy/aleppo", outlet="الشرق", title="قصف في ريف حلب",
                   published=D(2025, 4, 2)),
    "sanaa": dict(url="https://news.example/ye/sanaa-protest", outlet="عدن الغد",
                  title="احتجاجات في صنعاء <b>عاجل</b>", published=D(2025, 4, 10)),
    "khartoum": dict(url=None, outlet="الشرق", title="هدوء في الخرطوم", published=None),
}

# actor id -> (name, name_ar, type, country)
ACTORS = {
    "LBY.MIL": ("Libyan National Army", "الجيش الليبي", "military", "LBY"),
    "LBY.GOV": ("Government of Libya (Tripoli)", "حكومة طرابلس", "government", "LBY"),
    "ISIS": ("Islamic State", "تنظيم داعش", "armed_group", None),
    "EGY.GOV": ("Government of Egypt", "الحكومة المصرية", "government", "EGY"),
    "ITA.GOV": ("Government of Italy", "الحكومة الإيطالية", "government", "ITA"),
    "EGY.SEC": ("Egyptian security services", "الأجهزة الأمنية المصرية", "security_services", "EGY"),
    "SYR.GOV": ("Government of Syria", "الحكومة السورية", "government", "SYR"),
    "SYR.REB": ("Syrian armed factions", "فصائل مسلحة", "armed_group", "SYR"),
    "YEM.CVL": ("Yemeni civilians", "مواطنون يمنيون", "civilians", "YEM"),
    "YEM.SEC": ("Yemeni security forces", "قوات الأمن", "security_services", "YEM"),
    "UNSC": ("UN Security Council", "مجلس الأمن", "igo", None),
}
# place id -> (name, name_ar, country, admin1, lat, lon, precision)
PLACES = {
    "derna": ("Derna", "درنة", "LBY", "Darnah", 32.767, 22.637, "city"),
    "benghazi": ("Benghazi", "بنغازي", "LBY", "Benghazi", 32.115, 20.068, "city"),
    "LBY": ("Libya", "ليبيا", "LBY", None, 26.3, 17.2, "country"),
    "cairo": ("Cairo", "القاهرة", "EGY", "Cairo", 30.044, 31.236, "city"),
    "aleppo": ("Aleppo", "حلب", "SYR", "Aleppo", 36.202, 37.134, "admin1"),
    "sanaa": ("Sanaa", "صنعاء", "YEM", "Amanat Al Asimah", 15.369, 44.191, "city"),
    "khartoum": ("Khartoum", "الخرطوم", "SDN", "Khartoum", 15.501, 32.560, "city"),
    "darfur": ("Darfur", "دارفور", "SDN", None, 13.5, 24.0, "region"),
}


def span(text: str, words: str, nth: int = 1) -> tuple[int, int]:
    """The span of the nth occurrence of ``words`` in ``text`` (fails loudly if absent)."""
    start = -1
    for _ in range(nth):
        start = text.index(words, start + 1)
    return start, start + len(words)


@dataclass
class E:
    """A hand-coded event: the words it rests on, looked up in its document's text."""

    doc: str
    type: str
    status: str
    trigger: str
    sentence: int
    source: list[tuple[str, str]]  # (actor id, words)
    target: list[tuple[str, str]]
    place: tuple[str, str] | None  # (place id, words)
    time: tuple[dt.date | None, str, str | None]  # (date, precision, words)
    mode: str | None = None
    attribution: tuple[str, str | None] = ("none", None)
    casualties: dict | None = None
    confidence: float = 0.8
    trigger_nth: int = 1
    acled: dict | None = None


EVENTS = [
    E("libya", "ASSAULT", "occurred", "غارات جوية", 0, [], [("ISIS", "تنظيم داعش")], ("derna", "درنة"),
      (D(2025, 3, 13), "day", "فجر الخميس"), mode="aerial",
      attribution=("named", "المتحدث باسم الجيش الليبي"), casualties={"killed": 6}, confidence=0.91,
      acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}),
    E("libya", "ASSAULT", "planned", "مهاجمة", 1, [("LBY.MIL", "الجيش الليبي")], [],
      ("benghazi", "بنغازي"), (D(2025, 3, 17), "week", "خلال الأيام المقبلة"), confidence=0.74,
      acled={"event_type": "Battles", "sub_event_type": "Armed clash"}),
    E("libya", "ASSAULT", "denied", "الغارات", 2, [("LBY.GOV", "حكومة طرابلس")], [], ("derna", "درنة"),
      (None, "unknown", None), mode="aerial", attribution=("named", "حكومة طرابلس"), confidence=0.62),
    E("cairo", "CONSULT", "occurred", "اتصالا هاتفيا", 0, [("EGY.GOV", "وزير الخارجية المصري")],
      [("ITA.GOV", "نظيره الإيطالي")], None, (D(2025, 3, 20), "day", None), mode="phone",
      attribution=("outlet", None), confidence=0.88),
    E("cairo", "CONSULT", "planned", "اجتماعا", 1, [], [], ("cairo", "القاهرة"),
      (D(2025, 3, 24), "week", "الأسبوع المقبل"), mode="multilateral",
      attribution=("anonymous", "مصادر دبلوماسية"), confidence=0.7),
    E("cairo", "ASSAULT", "foiled", "استهداف", 2, [], [], ("cairo", "القاهرة"),
      (D(2025, 3, 20), "day", None), attribution=("named", "الأجهزة الأمنية المصرية"), confidence=0.66),
    E("aleppo", "ASSAULT", "occurred", "قصفت", 0, [], [], ("aleppo", "ريف حلب"),
      (D(2025, 4, 1), "day", "يوم الثلاثاء"), mode="shelling",
      attribution=("anonymous", "ناشطون"), casualties={"injured": 3}, confidence=0.86),
    E("aleppo", "ACCUSE", "occurred", "اتهمت", 1, [("SYR.GOV", "الحكومة السورية")],
      [("SYR.REB", "فصائل مسلحة")], None, (D(2025, 4, 2), "day", None), confidence=0.83),
    E("aleppo", "AID", "alleged", "بنقل أسلحة", 1, [("SYR.REB", "فصائل مسلحة")], [], None,
      (None, "unknown", None), attribution=("named", "الحكومة السورية"), confidence=0.55),
    E("aleppo", "THREATEN", "occurred", "هدد", 2, [("SYR.REB", "قائد فصيل مسلح")], [], None,
      (D(2025, 4, 2), "day", None), confidence=0.77),
    E("sanaa", "PROTEST", "occurred", "تظاهر", 0, [("YEM.CVL", "مئات المواطنين")], [], ("sanaa", "صنعاء"),
      (D(2025, 4, 10), "day", None), confidence=0.9),
    E("sanaa", "COERCE", "occurred", "تفرقهم", 1, [("YEM.SEC", "قوات الأمن")], [("YEM.CVL", "المحتجين")],
      ("sanaa", "صنعاء"), (D(2025, 4, 10), "day", None), confidence=0.72),
    E("sanaa", "COERCE", "occurred", "اعتقلت", 2, [("YEM.SEC", "قوات الأمن")], [("YEM.CVL", "متظاهرين")],
      ("sanaa", "صنعاء"), (D(2025, 4, 10), "day", None), mode="arrest", casualties={"arrested": 5},
      confidence=0.88),
    E("khartoum", "ASSAULT", "negated", "اشتباكات", 0, [], [], ("khartoum", "الخرطوم"),
      (None, "unknown", "خلال الليل"), attribution=("anonymous", "شهود"), confidence=0.6),
    E("khartoum", "SANCTION", "hypothetical", "عقوبات", 1, [("UNSC", "مجلس الأمن")], [],
      ("darfur", "دارفور"), (None, "unknown", None), confidence=0.5),
]


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def build_document(key: str) -> Document:
    text = TEXTS[key]
    meta = DOCS[key]
    return Document(id=Document.make_id(meta["url"], text), text=text, title=meta["title"],
                    url=meta["url"], outlet=meta["outlet"], domain="news.example",
                    published=meta["published"], source=f"{key}.html")


def _actor(text: str, lo: int, actor_id: str, words: str) -> ActorRef:
    name, name_ar, kind, country = ACTORS[actor_id]
    s, e = span(text[lo:], words)
    return ActorRef(actor_id, name, name_ar, kind, country, words, (lo + s, lo + e))


def build_event(e: E, doc: Document) -> Event:
    text = doc.text
    s_lo, s_hi = _sentences(text)[e.sentence]
    sentence = text[s_lo:s_hi]
    t0, t1 = span(sentence, e.trigger, e.trigger_nth)
    trigger_span = (s_lo + t0, s_lo + t1)
    location = None
    if e.place:
        pid, words = e.place
        name, name_ar, country, admin1, lat, lon, precision = PLACES[pid]
        # the place may be named in an earlier sentence of the same report
        p0, p1 = (s_lo + x for x in span(sentence, words)) if words in sentence else span(text, words)
        location = LocationRef(pid, name, name_ar, country, admin1, lat, lon, precision, words, (p0, p1))
    date, precision, words = e.time
    time_span = None
    if words:
        w0, w1 = span(sentence, words)
        time_span = (s_lo + w0, s_lo + w1)
    attribution = Attribution(e.attribution[0], e.attribution[1])
    return Event(
        event_id=stable_id(doc.id, e.type, str(trigger_span)), doc_id=doc.id, url=doc.url,
        outlet=doc.outlet, published=doc.published, type=e.type, mode=e.mode, cameo=None, acled=e.acled,
        status=e.status,
        source=[_actor(text, s_lo, a, w) for a, w in e.source],
        target=[_actor(text, s_lo, a, w) for a, w in e.target],
        location=location, time=TimeRef(date, precision, words or "", time_span),
        casualties=Casualties(**(e.casualties or {})), attribution=attribution,
        evidence=Evidence(sentence, (s_lo, s_hi), e.trigger, trigger_span),
        confidence=e.confidence, rule=f"test:{e.type.lower()}", knowledge_version="test-kb",
    )


def build_analyses() -> list[Analysis]:
    """The sample documents with their hand-coded events and mentions."""
    out = []
    for key in TEXTS:
        doc = build_document(key)
        events = [build_event(e, doc) for e in EVENTS if e.doc == key]
        mentions = []
        for ev in events:
            for ref in ev.source + ev.target:
                mentions.append(Mention(ref.span[0], ref.span[1], ref.text, "ORG"))
            if ev.location:
                mentions.append(Mention(ev.location.span[0], ev.location.span[1], ev.location.text, "GPE"))
        unique = {(m.start, m.end): m for m in mentions}
        out.append(Analysis(doc, [], [], sorted(unique.values(), key=lambda m: m.start), events, "test-kb"))
    return out


# ---- writing a database ------------------------------------------------------------------

def write_sample_db(path: Path) -> Path:
    """Write the sample analyses to a new database at ``path`` through rasd.store."""
    from rasd.store import Store

    with Store(path) as store:
        store.write(build_analyses())
    return path


# ---- the sample itself is right ----------------------------------------------------------

@pytest.mark.parametrize("e", EVENTS, ids=lambda e: f"{e.doc}-{e.type}-{e.status}")
def test_sample_spans_point_at_their_words(e):
    doc = build_document(e.doc)
    ev = build_event(e, doc)
    text = doc.text
    s0, s1 = ev.evidence.sentence_span
    assert text[s0:s1] == ev.evidence.sentence
    assert text[slice(*ev.evidence.trigger_span)] == e.trigger
    for ref in ev.source + ev.target:
        assert text[slice(*ref.span)] == ref.text
        assert s0 <= ref.span[0] < ref.span[1] <= s1
    if ev.location:
        assert text[slice(*ev.location.span)] == ev.location.text
    if ev.time.span:
        assert text[slice(*ev.time.span)] == ev.time.text


def test_sample_database_round_trips_records(tmp_path):
    path = write_sample_db(tmp_path / "sample.duckdb")
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == len(EVENTS)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(TEXTS)


# ---- fixtures the API tests share ----------------------------------------------------------

@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return write_sample_db(tmp_path_factory.mktemp("rasd-db") / "sample.duckdb")


@pytest.fixture(scope="module")
def client(sample_db):
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    with TestClient(create_app(sample_db)) as c:
        yield c


def sample_events() -> list[Event]:
    """Every sample Event record, in EVENTS order (the oracle the API tests compare against)."""
    docs = {key: build_document(key) for key in TEXTS}
    return [build_event(e, docs[e.doc]) for e in EVENTS]


def effective_date(ev: Event) -> dt.date | None:
    """The date an event is filed under: its own date, else its publication day."""
    return ev.time.date or ev.published
