"""Bad input is reported with its path and a clear reason; reading goes on."""
from __future__ import annotations

import pytest

from rasd.errors import ReadError
from rasd.ingest import read_path, read_paths
from rasd.ingest.encoding import decode
from rasd.model import Document


@pytest.mark.parametrize("name, reason", [
    ("binary.txt", "binary"),
    ("empty.txt", "empty"),
    ("unknown_encoding.txt", "unknown_encoding"),
    ("no_article.html", "no_article"),
])
def test_bad_file(fixtures_dir, name, reason):
    [err] = list(read_path(fixtures_dir / name))
    assert isinstance(err, ReadError)
    assert err.reason == reason
    assert err.path == str(fixtures_dir / name)
    assert err.detail  # says what to do


def test_huge_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:  # a sparse 200 MB file: instant to make, nothing to read
        f.seek(200 * 1024 * 1024 - 1)
        f.write(b"\n")
    [err] = list(read_path(huge))
    assert err.reason == "too_big" and "MB" in err.detail


def test_huge_jsonl_line_is_skipped_and_the_rest_read(tmp_path, monkeypatch):
    import rasd.ingest.records as records

    monkeypatch.setattr(records, "_MAX_LINE_BYTES", 1000)
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "a", "text": "' + "ن" * 2000 + '"}\n{"id": "b", "text": "نص قصير لكنه كاف."}\n',
                    encoding="utf-8")
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["ReadError", "Document"]
    assert items[0].reason == "too_big" and items[0].path.endswith(":1")


def test_missing_path():
    [err] = list(read_path("/no/such/file.txt"))
    assert err.reason == "not_found"


def test_errors_do_not_stop_the_others(fixtures_dir):
    names = ["binary.txt", "page_dump.txt", "empty.txt", "article.html"]
    items = list(read_paths([fixtures_dir / n for n in names]))
    assert [type(i).__name__ for i in items] == ["ReadError", "Document", "ReadError", "Document"]


def test_cp1256_is_detected_not_guessed():
    text = "قالت وزارة الداخلية إن قوات الأمن أوقفت المشتبه بهم."
    assert decode(text.encode("cp1256"), "x") == (text, "cp1256")
    assert decode(text.encode("utf-16-le"), "x")[0] == text  # no byte-order mark


def test_latin1_text_is_refused_rather_than_read_as_arabic():
    with pytest.raises(ReadError) as info:
        decode("Le gouvernement a annoncé une réforme très attendue à l'été.".encode("latin-1"), "fr.txt")
    assert info.value.reason == "unknown_encoding"


def test_unreadable_file(tmp_path, monkeypatch):
    import rasd.ingest as ingest

    p = tmp_path / "locked.txt"
    p.write_text("نص", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest, "open", denied, raising=False)  # root could read a chmod 0 file
    [err] = list(read_path(p))
    assert err.reason == "unreadable" and "permission" in err.detail


def test_jsonl_ids_are_stable_and_text_ids_otherwise(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text('{"text": "نص الخبر الأول هنا.", "url": "https://x.org/1"}\n{"text": "نص الخبر الثاني."}\n',
                 encoding="utf-8")
    a, b = list(read_path(p))
    assert a.id == Document.make_id("https://x.org/1", a.text)
    assert b.id == Document.make_id(None, b.text)


def _as_windows_1252(data: bytes) -> str:
    """How Windows shows UTF-8 bytes read as Windows-1252 (undefined bytes pass as C1 controls)."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


@pytest.mark.parametrize("garble", [lambda b: b.decode("latin-1"), _as_windows_1252])
def test_doubly_encoded_utf8_is_repaired(garble):
    text = "أعلنت وزارة الدفاع أن قواتها سيطرت على المدينة بعد معارك استمرت ثلاثة أيام."
    decoded, encoding = decode(garble(text.encode("utf-8")).encode("utf-8"), "x")
    assert decoded == text and "repaired" in encoding


def test_plain_latin_text_in_utf8_is_left_alone():
    text = "Reuters: the ministry said on Tuesday that talks would resume."
    assert decode(text.encode("utf-8"), "x") == (text, "utf-8")
