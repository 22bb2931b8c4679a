"""A small, fixed knowledge base for the event tests, so they test the event stage alone.

It finds the names below (with attached clitics و ف ب ل ك ال) and returns Mentions the way
rasd.knowledge does: a state or capital carries both an actor and a place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.events import extract_events
from rasd.model import Actor, Document, Event, Mention, Place
from rasd.normalize import normalize_with_map, original_span, normalize
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize


def _state(iso: str, name: str, ar: str) -> Actor:
    return Actor(iso, name, ar, "state", iso)


def _organ(iso: str, role: str, kind: str, ar: str) -> Actor:
    return Actor(f"{iso}.{role}", f"{iso} {role}", ar, kind, iso)


def _group(slug: str, ar: str, country: str | None = None, kind: str = "armed_group") -> Actor:
    return Actor(slug, slug, ar, kind, country)


def _place(pid: str, ar: str, country: str, lat: float, lon: float, precision: str = "city") -> Place:
    return Place(pid, pid, ar, country, None, lat, lon, precision)


EGY, LBY, SYR, ISR, IRN, USA, TUR, RUS, FRA, ITA, IRQ, YEM, SAU, LBN, PSE = (
    _state("EGY", "Egypt", "مصر"), _state("LBY", "Libya", "ليبيا"), _state("SYR", "Syria", "سوريا"),
    _state("ISR", "Israel", "إسرائيل"), _state("IRN", "Iran", "إيران"),
    _state("USA", "United States", "الولايات المتحدة"), _state("TUR", "Turkey", "تركيا"),
    _state("RUS", "Russia", "روسيا"), _state("FRA", "France", "فرنسا"), _state("ITA", "Italy", "إيطاليا"),
    _state("IRQ", "Iraq", "العراق"), _state("YEM", "Yemen", "اليمن"), _state("SAU", "Saudi Arabia", "السعودية"),
    _state("LBN", "Lebanon", "لبنان"), _state("PSE", "Palestine", "فلسطين"))

# (surface forms, actor, place, label)
ENTRIES: list[tuple[tuple[str, ...], Actor | None, Place | None, str]] = [
    (("المصرية", "المصري"), EGY, None, "GPE"),
    (("الليبية", "الليبي"), LBY, None, "GPE"),
    (("السورية", "السوري"), SYR, None, "GPE"),
    (("الإسرائيلية", "الإسرائيلي", "الاسرائيلية", "الاسرائيلي", "إسرائيلية", "إسرائيلي"), ISR, None, "GPE"),
    (("الإيرانية", "الإيراني", "إيرانية", "إيراني"), IRN, None, "GPE"),
    (("الأمريكية", "الأمريكي", "الأميركية", "الأميركي", "أمريكية", "أمريكي"), USA, None, "GPE"),
    (("التركية", "التركي"), TUR, None, "GPE"),
    (("الروسية", "الروسي", "روسية", "روسي"), RUS, None, "GPE"),
    (("السعودية",), SAU, None, "GPE"),
    (("مصر",), EGY, _place("EG", "مصر", "EGY", 26.0, 30.0, "country"), "GPE"),
    (("ليبيا",), LBY, _place("LY", "ليبيا", "LBY", 27.0, 17.0, "country"), "GPE"),
    (("سوريا",), SYR, _place("SY", "سوريا", "SYR", 35.0, 38.0, "country"), "GPE"),
    (("إسرائيل",), ISR, _place("IL", "إسرائيل", "ISR", 31.5, 34.8, "country"), "GPE"),
    (("إيران",), IRN, _place("IR", "إيران", "IRN", 32.0, 53.0, "country"), "GPE"),
    (("الولايات المتحدة", "واشنطن"), USA, None, "GPE"),
    (("تركيا",), TUR, _place("TR", "تركيا", "TUR", 39.0, 35.0, "country"), "GPE"),
    (("روسيا", "موسكو"), RUS, None, "GPE"),
    (("فرنسا",), FRA, _place("FR", "فرنسا", "FRA", 46.0, 2.0, "country"), "GPE"),
    (("إيطاليا",), ITA, None, "GPE"),
    (("العراق",), IRQ, _place("IQ", "العراق", "IRQ", 33.0, 44.0, "country"), "GPE"),
    (("اليمن",), YEM, _place("YE", "اليمن", "YEM", 15.5, 48.0, "country"), "GPE"),
    (("المملكة العربية السعودية", "الرياض"), SAU, None, "GPE"),
    (("لبنان",), LBN, _place("LB", "لبنان", "LBN", 33.9, 35.9, "country"), "GPE"),
    (("القاهرة",), _organ("EGY", "GOV", "government", "الحكومة المصرية"),
     _place("cairo", "القاهرة", "EGY", 30.06, 31.25), "GPE"),
    (("أنقرة",), _organ("TUR", "GOV", "government", "الحكومة التركية"),
     _place("ankara", "أنقرة", "TUR", 39.93, 32.86), "GPE"),
    (("طهران",), _organ("IRN", "GOV", "government", "الحكومة الإيرانية"),
     _place("tehran", "طهران", "IRN", 35.7, 51.4), "GPE"),
    (("الجيش المصري", "الجيش المصرى"), _organ("EGY", "MIL", "military", "الجيش المصري"), None, "ORG"),
    (("الجيش الليبي",), _organ("LBY", "MIL", "military", "الجيش الليبي"), None, "ORG"),
    (("الجيش السوري", "قوات النظام السوري"), _organ("SYR", "MIL", "military", "الجيش السوري"), None, "ORG"),
    (("الجيش الإسرائيلي", "الجيش الاسرائيلي", "القوات الإسرائيلية"),
     _organ("ISR", "MIL", "military", "الجيش الإسرائيلي"), None, "ORG"),
    (("الجيش التركي", "القوات التركية"), _organ("TUR", "MIL", "military", "الجيش التركي"), None, "ORG"),
    (("الجيش العراقي", "القوات العراقية"), _organ("IRQ", "MIL", "military", "الجيش العراقي"), None, "ORG"),
    (("الشرطة المصرية",), _organ("EGY", "POL", "police", "الشرطة المصرية"), None, "ORG"),
    (("الأجهزة الأمنية المصرية",), _organ("EGY", "SEC", "security_services", "الأجهزة الأمنية المصرية"), None, "ORG"),
    (("وزارة الخارجية الإيرانية", "الخارجية الإيرانية"), _organ("IRN", "MFA", "ministry", "وزارة الخارجية الإيرانية"), None, "ORG"),
    (("وزارة الصحة الفلسطينية",), _organ("PSE", "MOH", "ministry", "وزارة الصحة الفلسطينية"), None, "ORG"),
    (("التحالف الدولي",), _group("INTL_COALITION", "التحالف الدولي", None, "igo"), None, "ORG"),
    (("الأمم المتحدة",), _group("UN", "الأمم المتحدة", None, "igo"), None, "ORG"),
    (("مجلس الأمن",), _group("UNSC", "مجلس الأمن", None, "igo"), None, "ORG"),
    (("تنظيم داعش", "داعش", "تنظيم الدولة الإسلامية", "الدولة الإسلامية"), _group("ISIS", "داعش"), None, "ORG"),
    (("تنظيم القاعدة", "القاعدة"), _group("AQ", "القاعدة"), None, "ORG"),
    (("حركة حماس", "حماس"), _group("HAMAS", "حماس", "PSE"), None, "ORG"),
    (("حزب الله",), _group("HEZBOLLAH", "حزب الله", "LBN"), None, "ORG"),
    (("الحوثيين", "الحوثيون", "جماعة الحوثي"), _group("HOUTHIS", "الحوثيون", "YEM"), None, "ORG"),
    (("قوات سوريا الديمقراطية",), _group("SDF", "قسد", "SYR"), None, "ORG"),
    (("فجر ليبيا",), _group("LIBYA_DAWN", "فجر ليبيا", "LBY"), None, "ORG"),
    (("أنصار الشريعة",), _group("ANSAR_SHARIA_LBY", "أنصار الشريعة", "LBY"), None, "ORG"),
    (("حركة الشباب",), _group("SHABAAB", "الشباب", "SOM"), None, "ORG"),
    (("المحتجين", "المتظاهرين", "المتظاهرون", "محتجون", "متظاهرون"),
     Actor("PROTESTERS", "protesters", "متظاهرون", "civilians"), None, "ORG"),
    (("المدنيين", "مدنيين", "مدنيون"), Actor("CIVILIANS", "civilians", "مدنيون", "civilians"), None, "ORG"),
    (("خليفة حفتر", "حفتر"), Actor("HAFTAR", "Khalifa Haftar", "خليفة حفتر", "person", "LBY"), None, "PER"),
    (("الرئيس التونسي",), _organ("TUN", "GOV", "government", "الرئاسة التونسية"), None, "ORG"),
    (("قيس سعيد",), Actor("SAIED", "Kais Saied", "قيس سعيد", "person", "TUN"), None, "PER"),
    (("المبعوث الأممي",), _group("UN", "الأمم المتحدة", None, "igo"), None, "ORG"),
    (("هانس غروندبرغ",), Actor("GRUNDBERG", "Hans Grundberg", "هانس غروندبرغ", "person", None), None, "PER"),
    (("بشار الأسد", "الأسد"), Actor("ASSAD", "Bashar al-Assad", "بشار الأسد", "person", "SYR"), None, "PER"),
    (("رجب طيب أردوغان", "أردوغان"), Actor("ERDOGAN", "Recep Tayyip Erdogan", "أردوغان", "person", "TUR"), None, "PER"),
    (("سامح شكري", "شكري"), Actor("SHOUKRY", "Sameh Shoukry", "سامح شكري", "person", "EGY"), None, "PER"),
    (("رويترز",), Actor("REUTERS", "Reuters", "رويترز", "media"), None, "ORG"),
    (("درنة",), None, _place("derna", "درنة", "LBY", 32.76, 22.64), "LOC"),
    (("بنغازي",), None, _place("benghazi", "بنغازي", "LBY", 32.1, 20.1), "LOC"),
    (("طرابلس",), None, _place("tripoli", "طرابلس", "LBY", 32.9, 13.2), "LOC"),
    (("حلب",), None, _place("aleppo", "حلب", "SYR", 36.2, 37.2), "LOC"),
    (("إدلب",), None, _place("idlib", "إدلب", "SYR", 35.9, 36.6), "LOC"),
    (("دمشق",), _organ("SYR", "GOV", "government", "الحكومة السورية"), _place("damascus", "دمشق", "SYR", 33.5, 36.3), "GPE"),
    (("غزة", "قطاع غزة"), None, _place("gaza", "غزة", "PSE", 31.5, 34.45), "LOC"),
    (("الموصل",), None, _place("mosul", "الموصل", "IRQ", 36.34, 43.13), "LOC"),
    (("بغداد",), _organ("IRQ", "GOV", "government", "الحكومة العراقية"), _place("baghdad", "بغداد", "IRQ", 33.3, 44.4), "GPE"),
    (("صنعاء",), None, _place("sanaa", "صنعاء", "YEM", 15.35, 44.2), "LOC"),
    (("العريش",), None, _place("arish", "العريش", "EGY", 31.13, 33.8), "LOC"),
    (("سيناء",), None, _place("sinai", "سيناء", "EGY", 30.0, 33.8, "admin1"), "LOC"),
    (("عفرين",), None, _place("afrin", "عفرين", "SYR", 36.5, 36.87), "LOC"),
    (("الخليل",), None, _place("hebron", "الخليل", "PSE", 31.53, 35.1), "LOC"),
    (("جنيف",), None, _place("geneva", "جنيف", "CHE", 46.2, 6.15), "LOC"),
]


@dataclass
class EventTestKnowledge:
    """Just enough of rasd.knowledge.Knowledge for extract_events."""

    version: str = "kb-events-test"

    def __post_init__(self) -> None:
        forms: dict[str, tuple[Actor | None, Place | None, str]] = {}
        for names, actor, place, label in ENTRIES:
            for name in names:
                forms[normalize(name)] = (actor, place, label)
                if normalize(name).startswith("ال"):  # لليمن = لـ + اليمن
                    forms.setdefault(normalize(name)[1:], (actor, place, label))
        self._forms = forms
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        self._pattern = re.compile(
            r"(?<![\w])(?:و|ف)?(?:ب|ل|ك)?(" + alternation + r")(?![\w])")
        self._actors = {a.id: a for _, a, _, _ in ENTRIES if a is not None}

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def record(self, actor_id: str):
        return self._actors.get(actor_id)

    def resolve_place(self, text: str, countries=()) -> Place | None:
        hit = self._forms.get(normalize(text))
        return hit[1] if hit else None

    def find_mentions(self, text, sentences, tokens) -> list[Mention]:
        norm, offsets = normalize_with_map(text)
        out = []
        for m in self._pattern.finditer(norm):
            actor, place, label = self._forms[m.group(1)]
            start, end = original_span(offsets, m.start(1), m.end(1))
            out.append(Mention(start, end, text[start:end], label, actor, place, "gazetteer"))
        return out


_KB: list[EventTestKnowledge] = []


def knowledge() -> EventTestKnowledge:
    if not _KB:
        _KB.append(EventTestKnowledge())
    return _KB[0]


def extract(text: str, headings: list[str] | None = None) -> list[Event]:
    """Events of a text through rasd's sentences, tokens and this knowledge base."""
    kb = knowledge()
    doc = Document(id=Document.make_id(None, text), text=text, headings=headings or [])
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    mentions = kb.find_mentions(text, sentences, tokens)
    return extract_events(doc, sentences, tokens, mentions, kb, version="test")


def one(text: str, etype: str | None = None) -> Event:
    """The single event of a text (of type ``etype`` when given)."""
    events = [e for e in extract(text) if etype is None or e.type == etype]
    assert len(events) == 1, f"expected one {etype or ''} event in {text!r}, got " + repr(
        [(e.type, e.status, e.evidence.trigger) for e in events])
    return events[0]


def ids(refs) -> set[str]:
    return {r.id for r in refs if r.id}
