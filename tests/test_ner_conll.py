"""Reading CoNLL NER files: tag repair, sentence breaks, the ANERcorp training region."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasd.normalize import normalize
from rasd.ner.conll import (ANERCORP_TRAIN_LAST_LINE, anercorp_training_sentences, clean_token,
                            read_anercorp_original, read_conll, repair_tag, shingles)

SHARED = Path(os.environ.get("RASD_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
ANERCORP = SHARED / "data" / "anercorp_original_benajiba" / "ANERCorp.txt"
CAMEL_TEST = SHARED / "data" / "anercorp_camel_split" / "ANERCorp_CamelLab_test.txt"


@pytest.mark.parametrize("raw, previous, expected", [
    ("B-PERS", "O", "B-PER"),
    ("I-PERS", "B-PER", "I-PER"),
    ("B-ERS", "O", "B-PER"),          # ANERcorp typo
    ("IPERS", "B-PER", "I-PER"),      # missing hyphen
    ("B-PERs", "O", "B-PER"),
    ("B-LOCI-PERS", "O", "B-PER"),    # two tags run together on a person
    ("B-MSIC", "O", "B-MISC"),
    ("b-misc", "O", "B-MISC"),
    ("i-misc", "B-MISC", "I-MISC"),
    ("B-OEG", "O", "B-ORG"),
    ("B-ORF", "O", "B-ORG"),
    ("B-PRG", "O", "B-ORG"),
    ("I-PRG", "B-ORG", "I-ORG"),
    ("o", "O", "O"),
    (".O", "O", "O"),
    ("OO", "B-LOC", "O"),             # AQMAR
    ("IO", "B-LOC", "I-LOC"),         # AQMAR: an inside tag that lost its type
    ("IO", "O", "O"),
    ("I--ORG", "B-ORG", "I-ORG"),
    ("B-MIS1", "O", "B-MISC"),        # AQMAR's article-specific classes collapse to MISC
    ("I-MIS3", "B-MISC", "I-MISC"),
    ("B-MIS1`", "O", "B-MISC"),
    ("B-MISS1", "O", "B-MISC"),
    ("B-MIS-2", "O", "B-MISC"),
    ("B-ENGLISH", "O", "B-MISC"),
    ("\u200eB-Politician", "O", "O"),  # fine-grained NewsFANE classes are not coarse classes
])
def test_repair_tag(raw, previous, expected):
    assert repair_tag(raw, previous) == expected


@pytest.mark.parametrize("token, expected", [
    ("\u200fبغداد", "بغداد"),
    ("\u200eالقاهرة\u200f", "القاهرة"),
    ("\u00b7", "."),
    ("\u2022", "."),
    ("\u200f", ""),
])
def test_clean_token(token, expected):
    assert clean_token(token) == expected


def test_read_conll_handles_bom_crlf_tabs_and_glued_lines(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_bytes(("\ufeffزار\tO\r\nالرئيس\tO\r\n\u200eمحمد\tB-PERS\r\nعلي\tIPERS\r\n"
                      "مدينة O\r\nطرابلس B-LOC\r\n\r\n\r\nوقال O\r\n. Oالمتحدث O\r\n").encode("utf-8"))
    sentences = read_conll(path)
    assert [s.tokens for s in sentences] == [
        ["زار", "الرئيس", "محمد", "علي", "مدينة", "طرابلس"],
        ["وقال", ".", "المتحدث"],
    ]
    assert sentences[0].tags == ["O", "O", "B-PER", "I-PER", "O", "B-LOC"]
    assert sentences[1].tags == ["O", "O", "O"]


def test_read_anercorp_original_breaks_after_runs_of_periods_and_stops_at_last_line(tmp_path):
    path = tmp_path / "flat.txt"
    lines = ["وصل O", "\u200fالوفد O", "إلى O", "عمان B-LOC", ". O", ". O", "ثم O", "غادر O",
             "\u200f O", "\u00b7 O", "ووصل O", "بيروت B-LOC", "أمس O"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sentences = read_anercorp_original(path, last_line=12)
    assert [s.tokens for s in sentences] == [
        ["وصل", "الوفد", "إلى", "عمان", ".", "."],
        ["ثم", "غادر", "."],
        ["ووصل", "بيروت"],
    ]
    assert sentences[2].tags == ["O", "B-LOC"]


@pytest.mark.slow
@pytest.mark.skipif(not ANERCORP.exists(), reason="needs ../shared/data/anercorp_original_benajiba")
def test_training_region_shares_no_sentence_with_the_test_split():
    train = anercorp_training_sentences(SHARED)
    test = read_conll(CAMEL_TEST)
    assert sum(len(s.tokens) for s in test) == 25_008
    # the region ends where the test text begins: its tail is the test split, token for token
    tail = read_anercorp_original(ANERCORP, first_line=ANERCORP_TRAIN_LAST_LINE + 1, last_line=10**9)
    assert sum(len(s.tokens) for s in tail) == 25_008
    assert 124_000 < sum(len(s.tokens) for s in train) <= 125_278
    test_sentences = {tuple(s.tokens) for s in test}
    assert not [s for s in train if tuple(s.tokens) in test_sentences]
    # nor any passage of test text, in any spelling: no run of 8 words of a test sentence, compared
    # after folding hamza, alef maqsura and ta marbuta, is trained on
    def runs(tokens):
        words = [normalize(t) for t in tokens]
        return {tuple(words[i:i + 8]) for i in range(len(words) - 7)}

    windows = set().union(*(runs(s.tokens) for s in test))
    assert not [s for s in train if runs(s.tokens) & windows]


@pytest.mark.parametrize("tokens, n, expected", [
    (["قال", "الوزير", "إن"], 8, {("قال", "الوزير", "إن")}),
    (["أ", "ب", "ج", "د"], 3, {("أ", "ب", "ج"), ("ب", "ج", "د")}),
])
def test_shingles(tokens, n, expected):
    assert shingles(tokens, n) == expected
