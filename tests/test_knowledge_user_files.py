"""User knowledge folders (`--knowledge DIR`) add and override actors without code."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.errors import RasdError
from rasd.knowledge import Knowledge
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize

USER_ACTORS = """# source: a newsroom's own list, licence: internal, version: 3
id\ttype\tcountry\tname_en\tname_ar\taliases
TRIPOLI_GUARD\tmilitia\tLBY\tTripoli Protection Force\tقوة حماية طرابلس\tقوات حماية طرابلس
HAFTAR\tperson\tLBY\tKhalifa Haftar\tخليفة حفتر\tحفتر|المشير الليبي\t
"""
USER_GENERICS = """# source: newsroom, licence: internal, version: 1
id\ttype\tname_en\tname_ar\tforms
FISHERMEN\tcivilians\tfishermen\tصيادون\tصيادون|صيادين|الصيادين
"""


@pytest.fixture()
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "kb" / "actors"
    folder.mkdir(parents=True)
    (folder / "newsroom.tsv").write_text(USER_ACTORS, encoding="utf-8")
    (folder / "generics_newsroom.tsv").write_text(USER_GENERICS, encoding="utf-8")
    return tmp_path / "kb"


def mentions(kb: Knowledge, text: str) -> dict[str, str | None]:
    sentences = split_sentences(text)
    return {m.text: m.actor.id if m.actor else None
            for m in kb.find_mentions(text, sentences, tokenize(text, sentences))}


def test_user_entries_add_and_override(user_dir):
    bundled = Knowledge.load()
    kb = Knowledge.load((user_dir,))
    text = "اشتبكت قوة حماية طرابلس مع مسلحين واعتقل المشير الليبي صيادين"
    found = mentions(kb, text)
    assert found["قوة حماية طرابلس"] == "TRIPOLI_GUARD"
    assert found["المشير الليبي"] == "HAFTAR"       # an alias the bundled row lacks
    assert found["صيادين"] == "FISHERMEN"
    assert kb.actor("HAFTAR").leads is None          # the user row replaced the bundled one
    assert bundled.actor("HAFTAR").leads == "LNA"
    assert "قوة حماية طرابلس" not in mentions(bundled, text)


def test_the_version_follows_the_data(user_dir):
    assert Knowledge.load((user_dir,)).version != Knowledge.load().version
    assert Knowledge.load().version == Knowledge.load().version


def test_a_bad_user_file_says_how_to_fix_it(tmp_path):
    (tmp_path / "broken.tsv").write_text("id\tname_ar\nX\tس\tzu\tviel\n", encoding="utf-8")
    with pytest.raises(RasdError, match="tab"):
        Knowledge.load((tmp_path,))
    with pytest.raises(RasdError, match="does not exist"):
        Knowledge.load((tmp_path / "missing",))
