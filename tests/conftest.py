"""Shared fixtures: where ../shared and the small test files are."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from rasd.model import (ActorRef, Analysis, Attribution, Casualties, Document, Event, Evidence,
                        LocationRef, Mention, Sentence, TimeRef)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path() -> Path:
    """../shared beside the repository, or $RASD_SHARED."""
    return Path(os.environ.get("RASD_SHARED", REPO / ".." / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder (DESIGN.md, seeds, gold, data); CI lays it beside the repository."""
    path = shared_path()
    assert path.is_dir(), f"{path} is missing: lay the shared folder beside the repository or set RASD_SHARED"
    return path


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / "000_42e6831a5255b3c5.txt"


@pytest.fixture(scope="session")
def ant_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "ant_corpus_v2_1_middleeast"


@pytest.fixture(scope="session")
def ant_sentences(ant_dir: Path) -> list[str]:
    """The first 3,000 or so sentences of the real ANT articles, in reading order."""
    from rasd.errors import ReadError
    from rasd.ingest import read_paths
    from rasd.sentences import split_sentences

    segments: list[str] = []
    for doc in read_paths([str(ant_dir)]):
        if isinstance(doc, ReadError):
            continue
        segments += [doc.text[s.start:s.end] for s in split_sentences(doc.text)]
        if len(segments) > 3000:
            break
    return segments


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return REPO / "demo"


# ---- a hand-built analysis with one realistic event per k (for store and export tests) ----

EVENT_TEXT = ("قصفت طائرات حربية مواقع لتنظيم داعش في مدينة درنة الليبية فجر اليوم. "
        "وقال الجيش الليبي إن الغارات أسفرت عن مقتل عشرة مسلحين.")


def make_analysis(doc_id: str = "doc-1", text: str = EVENT_TEXT, n_events: int = 1) -> Analysis:
    doc = Document(id=doc_id, text=text, title="غارات على درنة", url=f"https://x.org/{doc_id}",
                   outlet="إرم نيوز", domain="eremnews.com", published=dt.date(2015, 2, 16),
                   source=f"/data/{doc_id}.txt")
    derna = text.index("درنة")
    mention = Mention(derna, derna + 4, "درنة", "GPE", source="gazetteer", sentence=0)
    sentence_end = text.index(".") + 1
    events = []
    for k in range(n_events):
        trigger = text.index("قصفت")
        events.append(Event(
            event_id=f"{doc_id}-e{k}", doc_id=doc_id, url=doc.url, outlet=doc.outlet,
            published=doc.published, type="ASSAULT", mode="aerial", cameo="195",
            acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
            status="occurred",
            source=[ActorRef("LBY.MIL", "Libyan army", "الجيش الليبي", "military", "LBY", "الجيش الليبي", (80, 92))],
            target=[ActorRef("ISIS", "Islamic State", "داعش", "armed_group", None, "داعش", (31, 35))],
            location=LocationRef("geonames:87205", "Derna", "درنة", "LBY", "Darnah", 32.76, 22.64, "city",
                                 "درنة", (derna, derna + 4)),
            time=TimeRef(dt.date(2015, 2, 16), "day", "فجر اليوم", None),
            casualties=Casualties(killed=10), attribution=Attribution("named", "الجيش الليبي"),
            evidence=Evidence(text[:sentence_end], (0, sentence_end), "قصفت", (trigger, trigger + 4)),
            confidence=0.8, rule="lexicon:قصف"))
    return Analysis(doc, [Sentence(0, 0, sentence_end)], [], [mention], events, "k1")
